/**
 * Cross-tenant negatives for AutoPaspoorts: another garage's staff neither see nor change a
 * garage's passports, even when posting the server action with the passport's id (a request
 * captured from the rightful staff member's page, replayed with the other account's cookies);
 * a buyer sees their own car only, never the garage's other stock.
 */
import { expect, test } from "./fixtures";
import { createActiveUser, mailsTo, uniqueEmail } from "./support";
import {
  captureAction,
  createPassport,
  expectRefused,
  field,
  fillTransfer,
  GARAGE_A,
  GARAGE_B,
  replayAction,
  signedIn,
  uniquePlate,
  uniqueVin,
} from "./passports-support";

test("staff of another garage cannot see, edit or transfer a garage's passport", async ({ browser }) => {
  test.slow();
  const plate = uniquePlate();
  const buyer = uniqueEmail("koper");
  const a = await signedIn(browser, GARAGE_A);
  const id = await createPassport(a.page, { plate, vin: uniqueVin() });

  // Requests captured from garage A's own profile (not sent).
  await field(a.page, "notes").fill("Gewijzigd door een andere garage");
  const notes = await captureAction(a.page, () => a.page.getByRole("button", { name: "Opslaan", exact: true }).click());
  await a.page.reload();
  const costs = a.page.locator("section", { has: a.page.getByRole("heading", { name: "Verwachte afleveringskosten" }) });
  await costs.locator('[name="description"]').fill("Ondergeschoven kosten");
  await costs.locator('[name="amount"]').fill("999");
  const cost = await captureAction(a.page, () => costs.getByRole("button", { name: "Kosten toevoegen" }).click());
  await a.page.reload();
  const transfer = await captureAction(a.page, () => fillTransfer(a.page, { email: buyer }));

  const b = await signedIn(browser, GARAGE_B);
  const res = await b.page.goto(`/nl/console/passports/${id}`);
  expect(res?.status()).toBe(404);
  await b.page.goto(`/nl/console/passports?q=${plate}`);
  await expect(b.page.getByRole("heading", { name: "AutoPaspoorts" })).toBeVisible();
  await expect(b.page.getByTestId("passport-row")).toHaveCount(0);
  await b.page.goto("/nl/console/passports");
  await expect(b.page.getByText(plate)).toHaveCount(0);
  expect((await b.page.goto("/nl/console/transfers"))?.status()).toBe(404);

  expectRefused(await replayAction(b.context, notes));
  expectRefused(await replayAction(b.context, cost));
  expectRefused(await replayAction(b.context, transfer));

  await a.page.goto(`/nl/console/passports/${id}`);
  await expect(field(a.page, "notes")).toHaveValue("");
  await expect(a.page.getByText("Ondergeschoven kosten")).toHaveCount(0);
  await expect(a.page.getByTestId("passport-state")).toHaveText("Voorraadauto");
  expect(await mailsTo(buyer)).toHaveLength(0);

  // The same requests with garage A's own cookies do what they say.
  expect((await replayAction(a.context, notes)).body).toContain('"ok":true');
  await replayAction(a.context, transfer);
  await a.page.goto(`/nl/console/passports/${id}`);
  await expect(field(a.page, "notes")).toHaveValue("Gewijzigd door een andere garage");
  await expect(a.page.getByTestId("passport-state")).toHaveText("Overdracht loopt");

  // Nor can garage B withdraw the pending transfer.
  const cancel = await captureAction(a.page, () => a.page.getByRole("button", { name: "Overdracht intrekken" }).click());
  expectRefused(await replayAction(b.context, cancel));
  await a.page.reload();
  await expect(a.page.getByTestId("passport-state")).toHaveText("Overdracht loopt");
  await a.context.close();
  await b.context.close();
});

test("a buyer sees their own car, not the garage's other stock, and no one else accepts their transfer", async ({ browser }) => {
  test.slow();
  const buyer = await createActiveUser(browser, "a-long-password-8");
  const [sold, other] = [uniquePlate(), uniquePlate()];
  const a = await signedIn(browser, GARAGE_A);
  const otherId = await createPassport(a.page, { plate: other, vin: uniqueVin() });
  await field(a.page, "notes").fill("Alleen voor de garage");
  const otherNotes = await captureAction(a.page, () => a.page.getByRole("button", { name: "Opslaan", exact: true }).click());
  const soldId = await createPassport(a.page, { plate: sold, vin: uniqueVin() });
  await fillTransfer(a.page, { email: buyer });
  await expect(a.page.getByTestId("passport-state")).toHaveText("Overdracht loopt");

  const u = await signedIn(browser, buyer, "a-long-password-8");
  await u.page.goto("/nl/garage");
  const offer = u.page.getByTestId("transfer-offer");
  await expect(offer).toContainText(sold);
  const accept = await captureAction(u.page, () => offer.getByRole("button", { name: "Toevoegen aan mijn garage" }).click());

  // Another signed-in user (garage B's staff) replays the buyer's acceptance: refused.
  const b = await signedIn(browser, GARAGE_B);
  expectRefused(await replayAction(b.context, accept));

  await u.page.goto("/nl/garage");
  await u.page.getByTestId("transfer-offer").getByRole("button", { name: "Toevoegen aan mijn garage" }).click();
  await expect(u.page).toHaveURL(/\/nl\/garage\/vehicles\/[\w-]+\?linked=1$/);
  await u.page.goto("/nl/garage");
  await expect(u.page.getByTestId("garage-vehicle")).toHaveCount(1);
  await expect(u.page.getByText(other)).toHaveCount(0);

  for (const path of ["/nl/console/passports", `/nl/console/passports/${otherId}`, `/nl/console/passports/${soldId}`, "/nl/console/transfers"]) {
    expect((await u.page.goto(path))?.status(), path).toBe(404);
  }
  expectRefused(await replayAction(u.context, otherNotes));
  await a.page.goto(`/nl/console/passports/${otherId}`);
  await expect(field(a.page, "notes")).toHaveValue("");
  await u.context.close();
  await a.context.close();
  await b.context.close();
});
