/**
 * The car dossier's maintenance record and mileage (issue 13): a workshop records a service, the
 * owner sees it with its mileage, a lower reading makes the verdict "not logical"; the owner adds
 * an entry of their own; another dealer, the owner of another car and a signed-out visitor find
 * nothing. English pages.
 */
import { expect, test, type Page } from "./fixtures";
import { uniqueEmail } from "./support";
import { DEALER_A, DEALER_A_NAME, DEALER_B, acceptWithNewAccount, captureAction, expectRefused, recordSale, replayAction, signedIn, uniqueVin } from "./linking-support";

const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);

/** Staff open the car from Console > Service records by its VIN. */
async function openCar(staff: Page, vin: string) {
  await staff.goto("/en/console");
  await staff.getByRole("link", { name: "Service records" }).first().click();
  await staff.getByLabel("Plate or VIN").fill(vin.slice(-8).toLowerCase());
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByTestId("dossier-car").filter({ hasText: vin }).click();
  await expect(staff.getByTestId("record-work")).toBeVisible();
}

/** A day `n` days ago (YYYY-MM-DD): entries on different days, within the 5 days a reading is on time. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function fillEntry(page: Page, e: { kind: string; on?: string; km: string; description: string; lines?: string; workshop?: string }) {
  await field(page, "kind").selectOption(e.kind);
  if (e.on) await field(page, "performedOn").fill(e.on);
  await field(page, "mileageKm").fill(e.km);
  await field(page, "description").fill(e.description);
  if (e.lines) await field(page, "lines").fill(e.lines);
  if (e.workshop) await field(page, "workshopName").fill(e.workshop);
}

test("a workshop records a service, the owner sees it with its mileage; a lower reading reads 'not logical'", async ({ browser }) => {
  const vin = uniqueVin();
  const email = uniqueEmail("dossier");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email });
  const owner = await acceptWithNewAccount(browser, link);

  // The car has no record yet.
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  await expect(owner.page.getByTestId("mileage-verdict")).toHaveText("No readings yet");

  // The dealer that linked the owner records a service.
  await openCar(dealer.page, vin);
  await fillEntry(dealer.page, { kind: "SERVICE", on: daysAgo(3), km: "15.000", description: "First service", lines: "Oil and filter replaced\nSoftware update" });
  await dealer.page.getByRole("button", { name: "Save entry" }).click();
  await expect(dealer.page.getByTestId("form-success")).toContainText("The mileage reading is logical");
  await dealer.page.reload();
  await expect(dealer.page.getByTestId("service-entry")).toHaveCount(1);

  // The owner sees it, with its mileage, the workshop and the verdict.
  await owner.page.reload();
  const entry = owner.page.getByTestId("service-entry").first();
  await expect(entry).toContainText("Service · First service");
  await expect(entry).toContainText("15,000 km");
  await expect(entry).toContainText(DEALER_A_NAME);
  await expect(entry).toContainText("Software update");
  await expect(owner.page.getByTestId("mileage-verdict")).toHaveText("Logical");
  await expect(owner.page.getByTestId("mileage-latest")).toContainText("15,000 km");
  await expect(owner.page.getByTestId("mileage-chart").locator("circle")).toHaveCount(1);

  // The owner reports an entry of their own: shown as theirs, never as a workshop's.
  await owner.page.getByTestId("add-own-entry").click();
  await expect(owner.page.getByRole("heading", { name: "Add your own entry" })).toBeVisible();
  await fillEntry(owner.page, { kind: "TYRES", on: daysAgo(2), km: "15100", description: "Winter tyres", workshop: "Bandenland" });
  await owner.page.getByRole("button", { name: "Save entry" }).click();
  await expect(owner.page.getByTestId("form-success")).toBeVisible();
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  await expect(owner.page.getByTestId("service-entry").filter({ hasText: "Winter tyres" })).toContainText("Reported by you");

  // A lower reading: recorded, and the verdict says why it is not logical.
  await dealer.page.reload();
  await fillEntry(dealer.page, { kind: "REPAIR", on: daysAgo(1), km: "14000", description: "Wiper blades" });
  await dealer.page.getByRole("button", { name: "Save entry" }).click();
  await expect(dealer.page.getByTestId("form-success")).toContainText("not logical");
  await owner.page.reload();
  await expect(owner.page.getByTestId("mileage-verdict")).toHaveText("Not logical");
  await expect(owner.page.getByTestId("mileage-reasons")).toContainText("14,000 km is lower than 15,100 km");
  await expect(owner.page.getByTestId("mileage-chart").locator("circle[data-finding]")).toHaveCount(1);

  // The dealer corrects the typo: the original stays, marked corrected; the verdict is logical again.
  await dealer.page.reload();
  await dealer.page.getByTestId("service-entry").filter({ hasText: "Wiper blades" }).getByTestId("correct-entry").click();
  // The car page has a form with the same fields: wait for the correction page before filling.
  await expect(dealer.page).toHaveURL(/\/correct\//);
  await expect(dealer.page.getByRole("heading", { name: "Correct an entry" })).toBeVisible();
  await expect(field(dealer.page, "mileageKm")).toHaveValue("14000");
  await field(dealer.page, "mileageKm").fill("15400");
  await field(dealer.page, "correctionReason").fill("Typed the wrong reading");
  await dealer.page.getByRole("button", { name: "Save correction" }).click();
  await expect(dealer.page).toHaveURL(/\/en\/console\/dossier\/\w+\?corrected=1$/);
  await owner.page.reload();
  await expect(owner.page.getByTestId("mileage-verdict")).toHaveText("Logical");
  await expect(owner.page.locator('[data-testid="service-entry"][data-corrected="true"]')).toContainText("14,000 km");

  // Cross-tenant: another dealer, the owner of another car and a signed-out visitor find nothing.
  const other = await signedIn(browser, DEALER_B);
  await other.page.goto("/en/console/dossier");
  await other.page.getByLabel("Plate or VIN").fill(vin);
  await other.page.getByRole("button", { name: "Search" }).click();
  await expect(other.page.getByTestId("dossier-car")).toHaveCount(0);
  const carPage = await other.page.goto(`/en/console/dossier/${owner.vehicleId}`);
  expect(carPage?.status()).toBe(404);

  // Dealer A's "record work" post, replayed with dealer B's and another owner's session, is refused.
  await dealer.page.reload();
  await fillEntry(dealer.page, { kind: "SERVICE", on: daysAgo(0), km: "16000", description: "Replayed" });
  const post = await captureAction(dealer.page, () => dealer.page.getByRole("button", { name: "Save entry" }).click());
  expectRefused(await replayAction(other.context, post));
  const stranger = await signedIn(browser, "owner@demo.autodossier.test");
  expectRefused(await replayAction(stranger.context, post));
  expect((await stranger.page.goto(`/en/garage/vehicles/${owner.vehicleId}/history/new`))?.status()).toBe(404);
  expect((await stranger.page.goto(`/en/console/dossier/${owner.vehicleId}`))?.status()).toBe(404);

  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto(`/en/console/dossier/${owner.vehicleId}`);
  await expect(anon).toHaveURL(/\/en\/sign-in/);
  const anonPost = await replayAction(anonymous, post);
  expect(anonPost.body).not.toContain('"ok":true');
  await owner.page.reload();
  await expect(owner.page.getByTestId("service-entry").filter({ hasText: "Replayed" })).toHaveCount(0);

  for (const c of [dealer.context, owner.context, other.context, stranger.context, anonymous]) await c.close();
});
