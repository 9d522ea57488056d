/**
 * Cross-tenant: a self-registration request, its facts and its documents exist only for its
 * owner and for the reviewer it is routed to. Staff of another dealer, support (the request went
 * to a dealer), another owner and an anonymous caller get 404 pages, refused server actions
 * (captured from the legitimate user and replayed with their own session) and 404 document URLs.
 * The e2e server sets SUPPORT_LOCALES=nl, so this English-speaking owner's request goes to the
 * dealer they choose.
 */
import { expect as baseExpect, test, type BrowserContext, type Page } from "./fixtures";
import { PASSWORD, captureAction, expectRefused, fillFacts, login, makeVin, newOwner, replayAction, submitRequest } from "./verification-support";

// Long journeys through several accounts: generous limits for a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("another dealer's staff, support, another owner and an anonymous caller cannot see or act on a request, its facts or its documents", async ({ browser }) => {
  const email = await newOwner(browser, "en");
  const vin = makeVin();
  const contexts: BrowserContext[] = [];
  const session = async (who?: string, password?: string): Promise<Page> => {
    const ctx = await browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    if (who) await login(page, who, password);
    return page;
  };
  const owner = await session(email, PASSWORD);
  const requestId = await submitRequest(owner, { locale: "en", vin, dealer: "Porsche Centrum Amsterdam" });

  const dealerA = await session("dealer@demo.autodossier.test");
  const dealerB = await session("dealer-b@demo.autodossier.test");
  const support = await session("support@demo.autodossier.test");
  const otherOwner = await session("owner@demo.autodossier.test");
  const anonymous = await session();
  const strangers = { dealerB, support, otherOwner, anonymous };

  // Pages: 404 for everyone but the owner and the routed dealer; sign-in for the anonymous caller.
  for (const page of [dealerB, support, otherOwner]) {
    expect((await page.goto(`/nl/console/verifications/${requestId}`))?.status()).toBe(404);
    await expect(page.getByText(vin)).toHaveCount(0);
  }
  for (const page of [dealerB, support, otherOwner]) {
    expect((await page.goto(`/nl/garage/verifications/${requestId}`))?.status()).toBe(404);
    await expect(page.getByText(vin)).toHaveCount(0);
  }
  for (const page of [dealerB, support]) {
    await page.goto("/nl/console/verifications");
    await expect(page.getByText(vin)).toHaveCount(0);
  }
  for (const path of [`/nl/garage/verifications/${requestId}`, `/nl/console/verifications/${requestId}`]) {
    const res = await anonymous.request.get(path, { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(res.status());
    expect(res.headers()["location"]).toMatch(/\/nl\/sign-in/);
    expect(await res.text()).not.toContain(vin);
  }
  expect((await dealerA.goto(`/nl/console/verifications/${requestId}`))?.status()).toBe(200);

  // The owner's "withdraw", replayed by others, changes nothing.
  await owner.goto(`/en/garage/verifications/${requestId}`);
  const withdraw = await captureAction(owner, () => owner.getByRole("button", { name: "Withdraw request" }).click());
  for (const page of Object.values(strangers)) await expectRefused(await replayAction(page.request, withdraw));

  // The dealer's "claim", replayed by others, changes nothing.
  await dealerA.goto(`/nl/console/verifications/${requestId}`);
  const claim = await captureAction(dealerA, () => dealerA.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click());
  for (const page of Object.values(strangers)) await expectRefused(await replayAction(page.request, claim));
  await owner.goto(`/en/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("request-status")).toHaveText("Submitted");

  // The dealer takes it for real: the documents are served to them only.
  await dealerA.goto(`/nl/console/verifications/${requestId}`);
  await dealerA.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  const docs = dealerA.getByTestId("documents").locator("img, iframe");
  await expect(docs).toHaveCount(3);
  const urls = (await docs.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src))).map((s) => new URL(s).pathname);
  for (const url of urls) {
    expect((await dealerA.request.get(url)).status()).toBe(200);
    for (const page of [...Object.values(strangers), owner]) {
      const res = await page.request.get(url);
      expect(res.status()).toBe(404);
      expect(res.headers()["cache-control"]).toContain("no-store");
    }
  }
  expect((await dealerB.request.get(`/api/verification/documents/${requestId}`)).status()).toBe(404);

  // The dealer's "approve", replayed by others, changes nothing.
  await fillFacts(dealerA);
  const approve = await captureAction(dealerA, () => dealerA.getByRole("button", { name: "Goedkeuren en auto koppelen" }).click());
  for (const page of Object.values(strangers)) await expectRefused(await replayAction(page.request, approve));
  await owner.goto(`/en/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("request-status")).toHaveText("In review");

  // The dealer approves for real; the facts stay with the owner and that dealer.
  await dealerA.goto(`/nl/console/verifications/${requestId}`);
  await fillFacts(dealerA);
  await dealerA.getByRole("button", { name: "Goedkeuren en auto koppelen" }).click();
  await expect(dealerA.getByTestId("facts")).toContainText("Alex Tester");
  for (const page of [dealerB, support, otherOwner]) {
    expect((await page.goto(`/nl/console/verifications/${requestId}`))?.status()).toBe(404);
    await expect(page.getByText("Alex Tester")).toHaveCount(0);
    expect((await page.goto(`/nl/garage/verifications/${requestId}`))?.status()).toBe(404);
    await expect(page.getByText("Alex Tester")).toHaveCount(0);
  }
  for (const url of urls) {
    for (const page of [dealerA, ...Object.values(strangers)]) expect((await page.request.get(url)).status()).toBe(404);
  }
  await owner.goto(`/en/garage/verifications/${requestId}`);
  await expect(owner.getByTestId("facts")).toContainText("Alex Tester");
  for (const ctx of contexts) await ctx.close();
});
