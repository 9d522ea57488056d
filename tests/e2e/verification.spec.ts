/**
 * Flow 3, self-registration with uploaded documents, end to end: the owner's request with upload
 * progress, routing by language, claim, review with the documents inline, approve or reject, the
 * e-mails, withdrawal, and the document URLs answering "not found" and the files gone from the
 * server's disk after the decision (the folder is E2E_DOCUMENTS_DIR, see playwright.config.ts).
 * The e2e server sets SUPPORT_LOCALES=nl: a Dutch-speaking owner's request goes to support, an
 * English-speaking owner's to the dealer they choose.
 */
import { expect as baseExpect, test, type Page } from "./fixtures";
import { answerDialog, waitForMail } from "./support";
import { PASSWORD, attach, filesOnDisk, fillRequest, largePng, login, makeVin, newOwner, png, submitRequestWithKeys, uploadedKeys, zeroPagePdf } from "./verification-support";

// Long journeys through several accounts: generous limits for a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function documentUrls(page: Page): Promise<string[]> {
  const docs = page.getByTestId("documents");
  await expect(docs.locator("img, iframe")).toHaveCount(3);
  const srcs = await docs.locator("img, iframe").evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src));
  return srcs.map((s) => new URL(s).pathname);
}

test("a Dutch-speaking owner's request goes to support: review with the documents inline, approve, the car in the garage and an e-mail", async ({ browser }) => {
  const email = await newOwner(browser, "nl");
  const vin = makeVin();
  const owner = await (await browser.newContext()).newPage();
  await login(owner, email, PASSWORD);
  await owner.getByRole("link", { name: "Auto toevoegen" }).click();
  await expect(owner.getByRole("heading", { name: "Auto toevoegen" })).toBeVisible();
  await expect(owner.getByTestId("route-info")).toContainText("Ons supportteam controleert je documenten");
  const { requestId, keys } = await submitRequestWithKeys(owner, { locale: "nl", vin });
  expect(keys).toHaveLength(3);
  expect(filesOnDisk(keys)).toEqual(keys);
  await expect(owner.getByTestId("notice")).toBeVisible();
  await expect(owner.getByTestId("request-status")).toHaveText("Ingediend");
  await expect(owner.getByTestId("timeline-submitted")).toHaveAttribute("data-state", "done");
  await expect(owner.getByTestId("timeline-review")).toContainText("Wacht op een beoordelaar");
  await expect(owner.getByTestId("copies-state")).toContainText("uiterlijk op");
  await owner.goto("/nl/garage");
  await expect(owner.getByTestId("my-request")).toContainText(vin);

  // Support: the queue, oldest first with its age; take the request; the documents inline.
  const support = await (await browser.newContext()).newPage();
  await login(support, "support@demo.autodossier.test");
  await support.goto("/nl/console/verifications");
  const row = support.locator(`[data-request-id="${requestId}"]`);
  await expect(row).toContainText(vin);
  await expect(row).toContainText("ingediend");
  await row.getByRole("link").click();
  await support.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  await expect(support.getByTestId("request-status")).toHaveText("In behandeling");
  const urls = await documentUrls(support);
  await expect(support.getByTestId("document-ID_FRONT").locator("img")).toHaveJSProperty("complete", true);
  expect(await support.getByTestId("document-ID_FRONT").locator("img").evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(120);
  await expect(support.getByTestId("document-REGISTRATION").locator("iframe")).toBeVisible();
  // The PDF opens in Chromium's own viewer inside the frame, despite the route's strict CSP.
  await expect.poll(() => support.frames().some((f) => f.url().startsWith("chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"))).toBe(true);
  for (const url of urls) {
    const res = await support.request.get(url);
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h["content-type"]).toMatch(/^(image\/jpeg|image\/png|application\/pdf)$/);
    expect(h["cache-control"]).toContain("no-store");
    expect(h["content-disposition"]).toMatch(/^inline/);
    expect(h["x-content-type-options"]).toBe("nosniff");
  }
  const front = await support.request.get(urls[0]!);
  expect((await front.body()).includes(Buffer.from("PhoneMaker"))).toBe(false); // EXIF gone

  // The owner sees the request in review.
  await owner.goto(`/nl/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("request-status")).toHaveText("In behandeling");

  // Approve with the facts from the documents.
  await support.getByLabel("Volledige naam").fill("Eva Jansen");
  await support.getByLabel("Geboortedatum").fill("1988-03-14");
  await support.getByLabel("Geboorteplaats").fill("Haarlem");
  await support.getByLabel("Adres", { exact: true }).fill("Kerkstraat 1, 2011 AB Haarlem");
  await support.getByLabel("Documenten geldig tot").fill(`${new Date().getFullYear() + 6}-01-31`);
  await support.getByLabel("Merk").fill("Porsche");
  await support.getByLabel("Model", { exact: true }).fill("Taycan");
  await support.getByLabel("Modeljaar").fill("2024");
  await support.getByLabel("Eigenaar op het kentekenbewijs", { exact: true }).fill("Eva Jansen");
  await support.getByLabel("Adres van de eigenaar op het kentekenbewijs").fill("Kerkstraat 1, 2011 AB Haarlem");
  await support.getByRole("button", { name: "Goedkeuren en auto koppelen" }).click();
  await expect(support.getByTestId("notice")).toContainText("Goedgekeurd");
  await expect(support.getByTestId("request-status")).toHaveText("Goedgekeurd");
  await expect(support.getByTestId("documents-state")).toContainText("verwijderd");
  await expect(support.getByTestId("facts")).toContainText("Haarlem");
  for (const url of urls) expect((await support.request.get(url)).status()).toBe(404);
  // The files themselves are gone from the server's disk.
  await expect.poll(() => filesOnDisk(keys)).toEqual([]);

  // The owner: an e-mail, the car in the garage, the request approved with its copies deleted.
  const mail = await waitForMail(email, (m) => m.subject.includes("staat in je garage"));
  expect(mail.text).toContain("Porsche Taycan");
  await owner.goto("/nl/garage");
  await expect(owner.getByTestId("garage-vehicle").filter({ hasText: vin })).toBeVisible();
  await owner.goto(`/nl/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("request-status")).toHaveText("Goedgekeurd");
  await expect(owner.getByTestId("copies-state")).toContainText("Verwijderd op");
  await expect(owner.getByTestId("facts")).toContainText("Eva Jansen");
  await owner.getByRole("link", { name: "Naar de auto" }).click();
  await expect(owner).toHaveURL(/\/nl\/garage\/vehicles\/\w+$/);
  await expect(owner.getByText(vin).first()).toBeVisible();
});

test("an English-speaking owner's request goes to the chosen dealer, who rejects it with a reason: e-mail and status", async ({ browser }) => {
  const email = await newOwner(browser, "en");
  const vin = makeVin();
  const owner = await (await browser.newContext()).newPage();
  await login(owner, email, PASSWORD, "en");
  await owner.goto("/en/garage/verifications/new");
  await expect(owner.getByTestId("route-info")).toContainText("the dealer you choose checks your documents");
  // Choosing no dealer is refused; the uploads stay.
  await fillRequest(owner, { locale: "en", vin });
  await owner.getByRole("button", { name: "Send request" }).click();
  await expect(owner.getByText("Choose the dealer that will check your documents.")).toBeVisible();
  await expect(owner.getByTestId("uploaded-REGISTRATION")).toBeVisible();
  await owner.getByLabel("Dealer", { exact: true }).selectOption({ label: "Porsche Centrum Amsterdam" });
  const keys = await uploadedKeys(owner);
  expect(keys).toHaveLength(3);
  await owner.getByRole("button", { name: "Send request" }).click();
  await expect(owner).toHaveURL(/\/garage\/verifications\/\w+\?submitted=1/);
  const requestId = new URL(owner.url()).pathname.split("/").pop()!;
  await expect(owner.getByText("Checked by Porsche Centrum Amsterdam")).toBeVisible();
  expect(filesOnDisk(keys)).toEqual(keys);

  // Support does not see it; the chosen dealer's staff do.
  const support = await (await browser.newContext()).newPage();
  await login(support, "support@demo.autodossier.test");
  await support.goto("/nl/console/verifications");
  await expect(support.locator(`[data-request-id="${requestId}"]`)).toHaveCount(0);

  const dealer = await (await browser.newContext()).newPage();
  await login(dealer, "dealer@demo.autodossier.test");
  await dealer.goto("/nl/console/verifications");
  await dealer.locator(`[data-request-id="${requestId}"]`).getByRole("link").click();
  await dealer.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  const urls = await documentUrls(dealer);
  await dealer.getByLabel("Reden").selectOption("ID_UNREADABLE");
  await dealer.getByLabel("Toelichting voor de eigenaar").fill("The photo of the front is too blurry.");
  await dealer.getByRole("button", { name: "Aanvraag afwijzen" }).click();
  await answerDialog(dealer, "Afwijzen en documenten verwijderen");
  await expect(dealer.getByTestId("notice")).toContainText("Afgewezen");
  await expect(dealer.getByTestId("request-status")).toHaveText("Afgewezen");
  for (const url of urls) expect((await dealer.request.get(url)).status()).toBe(404);
  await expect.poll(() => filesOnDisk(keys)).toEqual([]);

  const mail = await waitForMail(email, (m) => m.subject.includes("was not approved"));
  expect(mail.text).toContain("the ID document is not readable");
  expect(mail.text).toContain("The photo of the front is too blurry.");
  expect(mail.text).toContain(`/en/garage/verifications/${requestId}`);
  await owner.goto(`/en/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("request-status")).toHaveText("Rejected");
  await expect(owner.getByTestId("rejection-reason")).toHaveText("The ID document is not readable");
  await expect(owner.getByTestId("copies-state")).toContainText("Deleted on");
});

test("the owner withdraws a request in review: the reviewer's document links answer not found", async ({ browser }) => {
  const email = await newOwner(browser, "nl");
  const owner = await (await browser.newContext()).newPage();
  await login(owner, email, PASSWORD);
  const { requestId, keys } = await submitRequestWithKeys(owner, { locale: "nl", vin: makeVin() });
  expect(keys).toHaveLength(3);
  expect(filesOnDisk(keys)).toEqual(keys);

  const support = await (await browser.newContext()).newPage();
  await login(support, "support@demo.autodossier.test");
  await support.goto(`/nl/console/verifications/${requestId}`);
  await support.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  const urls = await documentUrls(support);
  expect((await support.request.get(urls[0]!)).status()).toBe(200);

  await owner.goto(`/nl/garage/verifications/${requestId}`);
  await owner.getByRole("button", { name: "Aanvraag intrekken" }).click();
  await expect(owner.getByTestId("notice")).toContainText("ingetrokken");
  await expect(owner.getByTestId("request-status")).toHaveText("Ingetrokken");
  await expect(owner.getByTestId("copies-state")).toContainText("Verwijderd op");
  await expect(owner.getByRole("button", { name: "Aanvraag intrekken" })).toHaveCount(0);
  for (const url of urls) expect((await support.request.get(url)).status()).toBe(404);
  await expect.poll(() => filesOnDisk(keys)).toEqual([]);
  await support.goto("/nl/console/verifications");
  await expect(support.locator(`[data-request-id="${requestId}"]`)).toHaveCount(0);
});

test("shows the upload progress of a larger photo", async ({ browser }) => {
  const email = await newOwner(browser, "nl");
  const page = await (await browser.newContext()).newPage();
  await login(page, email, PASSWORD);
  await page.goto("/nl/garage/verifications/new");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await attach(page, "ID_FRONT", { name: "id-front.png", mimeType: "image/png", buffer: await largePng() });
  const bar = page.getByTestId("progress-ID_FRONT").getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(page.getByRole("button", { name: "Aanvraag versturen" })).toBeDisabled();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId("uploaded-ID_FRONT")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Aanvraag versturen" })).toBeEnabled();
});

test("bad files and a missing document are refused with a clear message, and nothing is submitted", async ({ browser }) => {
  const email = await newOwner(browser, "nl");
  const page = await (await browser.newContext()).newPage();
  await login(page, email, PASSWORD);
  await page.goto("/nl/garage/verifications/new");

  // In the form: a Windows program renamed to .jpg.
  await attach(page, "ID_FRONT", { name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096, 0x90)]) });
  await expect(page.getByTestId("error-ID_FRONT")).toHaveText("Dit bestand is geen JPEG, PNG of PDF. Alleen foto's en scans in deze formaten worden geaccepteerd.");
  // An empty file and one over 10 MB are refused before they are sent.
  await attach(page, "ID_BACK", { name: "empty.png", mimeType: "image/png", buffer: Buffer.alloc(0) });
  await expect(page.getByTestId("error-ID_BACK")).toHaveText("Dit bestand is leeg.");
  await attach(page, "REGISTRATION", { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 0x41) });
  await expect(page.getByTestId("error-REGISTRATION")).toHaveText("Dit bestand is groter dan 10 MB.");

  // The upload route itself refuses them too (a client that skips the form's checks).
  const post = (buffer: Buffer, type: string) =>
    page.request.post("/api/verification/uploads?kind=ID_FRONT&locale=nl", { data: buffer, headers: { "content-type": type } });
  const cases: [Buffer, string, string][] = [
    [Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0)]), "image/jpeg", "geen JPEG, PNG of PDF"],
    [Buffer.alloc(0), "image/png", "leeg"],
    [Buffer.alloc(11 * 1024 * 1024, 0x41), "image/jpeg", "groter dan 10 MB"],
    [zeroPagePdf(), "application/pdf", "geen pagina's"],
  ];
  for (const [buffer, type, message] of cases) {
    const res = await post(buffer, type);
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    const body = (await res.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toContain(message);
  }
  // Anonymous callers cannot upload at all.
  const anonymous = await (await browser.newContext()).request.post("/api/verification/uploads?kind=ID_FRONT", { data: await png(), headers: { "content-type": "image/png" } });
  expect(anonymous.status()).toBe(401);

  // A request with a missing document: refused, the message stands next to the empty slots.
  await page.reload();
  await page.getByLabel("VIN (chassisnummer)").fill(makeVin());
  await attach(page, "ID_FRONT", { name: "id.png", mimeType: "image/png", buffer: await png() });
  await expect(page.getByTestId("uploaded-ID_FRONT")).toBeVisible();
  await page.getByRole("button", { name: "Aanvraag versturen" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Er ontbreekt een document: voeg elk hieronder gemarkeerd document toe.");
  await expect(page.getByTestId("error-ID_BACK")).toHaveText("Voeg dit document toe.");
  await expect(page.getByTestId("error-REGISTRATION")).toHaveText("Voeg dit document toe.");
  await expect(page.getByTestId("uploaded-ID_FRONT")).toBeVisible(); // nothing lost
  await expect(page).toHaveURL(/\/garage\/verifications\/new$/);
  await page.goto("/nl/garage");
  await expect(page.getByTestId("my-request")).toHaveCount(0);
});
