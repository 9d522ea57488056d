/**
 * Recalls (issue 13, point 5): central support registers a campaign from a CSV list of VINs (a
 * list with a bad line is refused whole, naming the line); the affected owner sees the open recall
 * on the car page and gets the e-mail; the dealer that services the car closes it with a service
 * entry and the owner sees it resolved. The extended warranty of the sale's contract shows too.
 * Another dealer and the owner cannot reach the support or workshop pages. English pages.
 */
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, DEALER_A_NAME, DEALER_B, acceptWithNewAccount, recordSale, signedIn, uniqueVin } from "./linking-support";

const SUPPORT = "support@demo.autodossier.test";

test("a recall campaign reaches an affected owner's car page, inbox and e-mail, and a service entry closes it", async ({ browser }) => {
  test.setTimeout(120_000);
  const vin = uniqueVin();
  const email = uniqueEmail("recall");
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email, products: ["CONNECT", "WARRANTY_PLUS"] });
  const owner = await acceptWithNewAccount(browser, link);

  // The extended warranty sold with the car shows, with what is left of it.
  const warranty = owner.page.getByTestId("warranty").filter({ hasText: "Extended warranty" });
  await expect(warranty).toContainText("From your contract");
  await expect(warranty.getByTestId("warranty-left")).toContainText(/\d+ months left/);
  await expect(owner.page.getByTestId("recalls-warranties")).toContainText("No recalls for this car.");

  // Support registers the campaign from a CSV file; a file with a bad line is refused whole.
  const support = await signedIn(browser, SUPPORT, DEMO_PASSWORD);
  await support.page.goto("/en/console");
  await support.page.getByRole("link", { name: "Recalls" }).first().click();
  await support.page.getByTestId("new-campaign").click();
  const f = support.page;
  await f.getByLabel("Campaign code").fill(code);
  for (const [lang, title, text] of [
    ["Dutch", "Remleiding vervangen", "De remleiding achter kan gaan lekken."],
    ["English", "Replace the brake line", "The rear brake line may start to leak."],
    ["French", "Remplacer la conduite de frein", "La conduite de frein arrière peut fuir."],
  ] as const) {
    await f.getByLabel(`Title (${lang})`).fill(title);
    await f.getByLabel(`Description (${lang})`).fill(text);
  }
  await f.getByLabel("By a list of VINs (CSV file)").check();
  await f.getByLabel("List of VINs (CSV)").setInputFiles({ name: "vins.csv", mimeType: "text/csv", buffer: Buffer.from(`VIN;remark\n${vin};ours\nNOT-A-VIN;typo\n`) });
  await f.getByRole("button", { name: "Register campaign" }).click();
  await expect(f.getByTestId("form-error")).toContainText("Nothing was saved");
  await expect(f.getByTestId("form-error")).toContainText("line 3 “NOT-A-VIN”");
  await owner.page.reload();
  await expect(owner.page.getByTestId("recall")).toHaveCount(0);

  await f.getByLabel("By a list of VINs (CSV file)").check();
  await f.getByLabel("List of VINs (CSV)").setInputFiles({ name: "vins.csv", mimeType: "text/csv", buffer: Buffer.from(`VIN;remark\n${vin};ours\n`) });
  await f.getByRole("button", { name: "Register campaign" }).click();
  await expect(f.getByTestId("form-success")).toContainText("1 car is affected, 1 owner was told");
  await f.goto("/en/console/recalls");
  const row = f.getByTestId("campaign-row").filter({ hasText: code });
  await expect(row.getByTestId("campaign-cars")).toHaveText("1");
  await expect(row.getByTestId("campaign-open")).toHaveText("1");

  // The owner: the open recall on the car page, and the e-mail.
  await owner.page.reload();
  const recall = owner.page.getByTestId("recall");
  await expect(recall).toHaveCount(1);
  await expect(recall).toHaveAttribute("data-state", "open");
  await expect(recall).toContainText("Replace the brake line");
  await expect(recall).toContainText(code);
  const mail = await waitForMail(email, (m) => m.subject.includes(`Recall ${code}`));
  expect(mail.subject).toBe(`Recall ${code} for your Porsche Taycan`);
  expect(mail.text).toContain("The rear brake line may start to leak.");
  expect(mail.text).toContain(`/en/garage/vehicles/${owner.vehicleId}`);
  // ... and in the inbox, unread, linking to the car.
  await owner.page.goto("/en/messages");
  const message = owner.page.locator('[data-testid="message"][data-kind="recall_opened"]');
  await expect(message).toHaveCount(1);
  await expect(message).toHaveAttribute("data-unread", "true");
  await expect(message.getByTestId("message-body")).toContainText(`Recall ${code} applies to your Porsche Taycan`);
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);

  // The dealer that linked the car closes it with a service entry.
  await dealer.page.goto(`/en/console/dossier/${owner.vehicleId}`);
  const form = dealer.page.getByTestId("record-work");
  await form.locator('[name="kind"]').selectOption("REPAIR");
  await form.locator('[name="mileageKm"]').fill("1200");
  await form.locator('[name="description"]').fill("Recall work");
  await form.getByTestId("resolve-recalls").getByLabel(new RegExp(code)).check();
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(dealer.page.getByTestId("form-success").first()).toBeVisible();

  await owner.page.reload();
  await expect(recall).toHaveAttribute("data-state", "resolved");
  await expect(recall).toContainText(`by ${DEALER_A_NAME}`);
  await f.reload();
  await expect(f.getByTestId("campaign-row").filter({ hasText: code }).getByTestId("campaign-open")).toHaveText("0");

  // Another dealer finds no such car; the owner has no campaign pages; a signed-out visitor signs in first.
  const other = await signedIn(browser, DEALER_B);
  expect((await other.page.goto(`/en/console/dossier/${owner.vehicleId}`))?.status()).toBe(404);
  expect((await other.page.goto("/en/console/recalls"))?.status()).toBe(404);
  expect((await owner.page.goto("/en/console/recalls/new"))?.status()).toBe(404);
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto("/en/console/recalls");
  await expect(anonPage).toHaveURL(/\/en\/sign-in/);
  for (const c of [dealer, owner, support, other]) await c.context.close();
  await anon.close();
});
