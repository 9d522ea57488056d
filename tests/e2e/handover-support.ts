/**
 * Steps of the handover journeys (docs/decisions/0034) through the English pages, shared by
 * handover.spec.ts and handover-decision.spec.ts.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { linkIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, acceptWithNewAccount, recordSale, signedIn, uniqueVin } from "./linking-support";

/** An owner (a new account, English) with a Porsche Taycan and its CONNECT and CHARGING contracts. */
export async function sellerWithCar(browser: Browser) {
  const vin = uniqueVin();
  const email = uniqueEmail("seller");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email, products: ["CONNECT", "CHARGING"] });
  await dealer.context.close();
  const owner = await acceptWithNewAccount(browser, link);
  return { ...owner, vin, email };
}

/** The seller starts a handover to `buyerEmail` from the car's page; returns the handover page's URL and the buyer's link. */
export async function startHandover(page: Page, vehicleId: string, buyerEmail: string, opts: { moveConnect?: boolean } = {}) {
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await page.getByTestId("handover-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Hand over your car" })).toBeVisible();
  await page.getByLabel("Buyer's name").fill("Bram Koper");
  await page.getByLabel("Buyer's e-mail address").fill(buyerEmail);
  await page.getByLabel("E-mail address again").fill(buyerEmail);
  await page.getByLabel("Language of the buyer's e-mail").selectOption("en");
  await page.getByLabel("Mileage at sale (km)").fill("12.345");
  const contracts = page.getByTestId("handover-contracts");
  // The charging contract is the holder's own: shown, not offered.
  await expect(contracts.getByRole("checkbox", { name: /Charging service/ })).toBeDisabled();
  await contracts.getByRole("checkbox", { name: /Connected services/ }).setChecked(opts.moveConnect ?? true);
  await page.getByRole("button", { name: "Send to the buyer" }).click();
  await expect(page).toHaveURL(/\/en\/garage\/handovers\/\w+\?started=1$/);
  await expect(page.getByTestId("handover-state")).toContainText("Waiting for the buyer");
  const handoverUrl = page.url().replace(/\?started=1$/, "");
  const mail = await waitForMail(buyerEmail, (m) => m.subject === "A Porsche Taycan is being handed over to you");
  return { handoverUrl, link: linkIn(mail, /http:\/\/localhost:\d+\/en\/handovers\/[\w-]+/), mail };
}
