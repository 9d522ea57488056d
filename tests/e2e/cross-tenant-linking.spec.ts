/**
 * Cross-tenant negatives for the linking resources: another dealer's staff and another owner
 * neither see nor change them, even when posting the server action with the resource's id
 * (a request captured from the rightful user's page, replayed with the other account's cookies).
 * Each replay is also made with the rightful user's cookies afterwards, to prove it would work.
 */
import { expect, test } from "./fixtures";
import { answerDialog, createActiveUser, signIn, uniqueEmail } from "./support";
import { DEALER_A, DEALER_B, captureAction, expectRefused, linkAtDesk, recordSale, replayAction, signedIn, uniqueVin } from "./linking-support";

test("another dealer's staff cannot see, resend or revoke a dealer's invitation", async ({ browser }) => {
  const vin = uniqueVin();
  const buyer = uniqueEmail("buyer");
  const a = await signedIn(browser, DEALER_A);
  await recordSale(a.page, { vin, email: buyer });
  const row = () => a.page.getByTestId("invitation-row").filter({ hasText: vin });

  const resend = await captureAction(a.page, () => row().getByRole("button", { name: "Send again" }).click());
  await a.page.goto("/en/console/invitations");
  const revoke = await captureAction(a.page, async () => {
    await row().getByRole("button", { name: "Revoke" }).click();
    await answerDialog(a.page, "Revoke invitation");
  });

  const b = await signedIn(browser, DEALER_B);
  await b.page.goto("/en/console/invitations");
  await expect(b.page.getByRole("heading", { name: "Invitations" })).toBeVisible();
  await expect(b.page.getByText(vin)).toHaveCount(0);
  await expect(b.page.getByText(buyer)).toHaveCount(0);

  expectRefused(await replayAction(b.context, resend));
  expectRefused(await replayAction(b.context, revoke));

  await a.page.goto("/en/console/invitations");
  await expect(row()).toContainText("Sent");
  await expect(row()).toContainText("sent once");

  // The same requests with dealer A's own cookies do what they say.
  const ok = await replayAction(a.context, resend);
  expect(ok.body).toContain('"ok":true');
  await a.page.goto("/en/console/invitations");
  await expect(row()).toContainText("sent 2 times");
  await replayAction(a.context, revoke);
  await a.page.goto("/en/console/invitations");
  await expect(row()).toContainText("Revoked");
  await a.context.close();
  await b.context.close();
});

test("another dealer's staff cannot record a sale in the dealer's name", async ({ browser }) => {
  const vin = uniqueVin();
  const buyer = uniqueEmail("buyer");
  const a = await signedIn(browser, DEALER_A);
  await a.page.goto("/en/console/invitations/new");
  for (const [name, value] of [["vin", vin], ["make", "Porsche"], ["model", "Taycan"], ["modelYear", "2026"], ["email", buyer]]) {
    await a.page.locator(`[name="${name}"]`).fill(value);
  }
  // The form carries dealer A's organisation id; dealer B posts it with their own session.
  const sale = await captureAction(a.page, () => a.page.getByRole("button", { name: "Record sale and send invitation" }).click());
  const b = await signedIn(browser, DEALER_B);
  expectRefused(await replayAction(b.context, sale));
  await a.page.goto("/en/console/invitations");
  await expect(a.page.getByText(vin)).toHaveCount(0);

  await replayAction(a.context, sale);
  await a.page.goto("/en/console/invitations");
  await expect(a.page.getByTestId("invitation-row").filter({ hasText: vin })).toContainText(buyer);
  await a.context.close();
  await b.context.close();
});

test("another dealer's staff cannot disconnect or re-link a car the dealer linked", async ({ browser }) => {
  test.slow(); // three accounts, a sign-up by e-mail and a desk verification
  const owner = await createActiveUser(browser);
  const vin = uniqueVin();
  const a = await signedIn(browser, DEALER_A);
  await linkAtDesk(a.page, { ownerEmail: owner, vin });
  const row = () => a.page.getByTestId("dealer-vehicle").filter({ hasText: vin });
  const list = `/en/console/vehicles?q=${vin}`;

  await a.page.goto(list);
  const disconnect = await captureAction(a.page, async () => {
    await row().getByRole("button", { name: "Mark as disconnected" }).click();
    await answerDialog(a.page, "Mark as disconnected");
  });

  const b = await signedIn(browser, DEALER_B);
  await b.page.goto(list);
  await expect(b.page.getByTestId("dealer-vehicle")).toHaveCount(0);
  expectRefused(await replayAction(b.context, disconnect));
  await a.page.goto(list);
  await expect(row()).toContainText("Connected");

  // Dealer A disconnects for real; dealer B cannot re-link it.
  await row().getByRole("button", { name: "Mark as disconnected" }).click();
  await answerDialog(a.page, "Mark as disconnected");
  await expect(row()).toContainText("Disconnected");
  await row().getByLabel("I have checked the owner's identity.").check();
  const relink = await captureAction(a.page, () => row().getByRole("button", { name: "Re-link" }).click());
  expectRefused(await replayAction(b.context, relink));
  await a.page.goto(list);
  await expect(row()).toContainText("Disconnected");

  const ok = await replayAction(a.context, relink);
  expect(ok.body).toContain('"ok":true');
  await a.page.goto(list);
  await expect(row()).toContainText("Connected");
  await expect(row().getByRole("button", { name: "Mark as disconnected" })).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test("an owner cannot open or remove another owner's car by its id", async ({ browser }) => {
  test.slow(); // three accounts, a sign-up by e-mail and a desk verification
  const password = "a-long-password-6";
  const owner = await createActiveUser(browser, password);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const vehicleId = await linkAtDesk(dealer.page, { ownerEmail: owner, vin });
  await dealer.context.close();

  const mine = await browser.newContext();
  const page = await mine.newPage();
  await signIn(page, owner, password, "en");
  await page.goto(`/en/garage/vehicles/${vehicleId}/remove`);
  await page.getByLabel("I understand the consequences").check();
  const remove = await captureAction(page, () => page.getByRole("button", { name: "Permanently remove vehicle" }).click());

  // Another owner (the demo owner, who has cars of their own) gets a 404 and cannot remove it.
  const other = await signedIn(browser, "owner@demo.autodossier.test");
  expect((await other.page.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  expect((await other.page.goto(`/en/garage/vehicles/${vehicleId}/remove`))?.status()).toBe(404);
  const r = await replayAction(other.context, remove);
  expectRefused(r);
  expect(r.body).toContain("This car is not (or no longer) in your garage.");
  await other.page.goto("/en/garage");
  await expect(other.page.getByText(vin)).toHaveCount(0);
  // Their own cars are untouched.
  await expect(other.page.getByTestId("garage-vehicle")).toHaveCount(2);

  await page.goto("/en/garage");
  await expect(page.getByTestId("garage-vehicle").filter({ hasText: vin })).toBeVisible();
  expect((await page.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(200);

  // The owner's own request removes it.
  await replayAction(mine, remove);
  await page.goto("/en/garage");
  await expect(page.getByText(vin)).toHaveCount(0);
  await other.context.close();
  await mine.close();
});
