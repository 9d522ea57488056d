/**
 * Steps of the AutoPaspoort journeys (flow 6) through the Dutch pages (the default language).
 * Fields are found by their `name`; every test uses its own random plate and VIN.
 */
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomInt } from "node:crypto";
import { DEMO_PASSWORD, linkIn, waitForMail, type Mail } from "./support";

export { captureAction, expectRefused, replayAction, uniqueVin } from "./linking-support";

export const GARAGE_A = "garage@demo.autodossier.test";
export const GARAGE_A_NAME = "Autobedrijf De Vries";
export const GARAGE_B = "garage-b@demo.autodossier.test";
export const SUPPORT = "support@demo.autodossier.test";
export const FLEET_NAME = "De Vries Verkoop & Voorraad";

const CONSONANTS = "BDFGHJKLMNPRSTVWXZ";
const letter = () => CONSONANTS[randomInt(CONSONANTS.length)];
/** A random valid Dutch plate of sidecode 9 (XX-999-X, consonants only), in display form; never SS or SD, which the RDW does not issue. */
export function uniquePlate(): string {
  let pair = "SS";
  while (pair === "SS" || pair === "SD") pair = `${letter()}${letter()}`;
  return `${pair}-${String(randomInt(1000)).padStart(3, "0")}-${letter()}`;
}

export const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/**
 * A signed-in page in a fresh browser context (Dutch pages). Waits longer than the shared helper
 * for the sign-in to land: the password hash is deliberately slow, and these journeys run many
 * sign-ins in parallel.
 */
export async function signedIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/nl/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).not.toHaveURL(/sign-in/, { timeout: 30_000 });
  return { context, page };
}

/** Creates an AutoPaspoort on the page (typed without dashes) and lands on its customer profile; returns its id. */
export async function createPassport(staff: Page, opts: { plate: string; vin: string; make?: string; model?: string; fleet?: boolean }): Promise<string> {
  await staff.goto("/nl/console/passports/new");
  await field(staff, "plate").fill(opts.plate.replaceAll("-", "").toLowerCase());
  await field(staff, "vin").fill(opts.vin);
  await field(staff, "make").fill(opts.make ?? "Honda");
  await field(staff, "model").fill(opts.model ?? "Civic 1.3 Hybrid");
  await field(staff, "modelYear").fill("2019");
  await field(staff, "fuel").selectOption("HYBRID");
  if (opts.fleet) await staff.getByLabel("Wagenparkaccount (optioneel)").selectOption({ label: FLEET_NAME });
  await staff.getByRole("button", { name: "AutoPaspoort aanmaken" }).click();
  await expect(staff).toHaveURL(/\/nl\/console\/passports\/[\w-]+\?created=1$/);
  await expect(staff.getByTestId("notice")).toContainText("aangemaakt en actief");
  await expect(staff.getByTestId("plate").first()).toContainText(opts.plate);
  return new URL(staff.url()).pathname.split("/").pop()!;
}

/** Opens the owner / driver details, enters the buyer's contact details and confirms the transfer. */
export async function fillTransfer(staff: Page, buyer: { email: string; name?: string; emailConfirm?: string }) {
  const details = staff.getByRole("button", { name: "Details" });
  if ((await details.getAttribute("aria-expanded")) !== "true") await details.click();
  await field(staff, "name").fill(buyer.name ?? "Bram de Koper");
  await field(staff, "street").fill("Kerkstraat 12");
  await field(staff, "postalCode").fill("3511 AB");
  await field(staff, "city").fill("Utrecht");
  await field(staff, "email").fill(buyer.email);
  await field(staff, "emailConfirm").fill(buyer.emailConfirm ?? buyer.email);
  await staff.getByRole("button", { name: "Overdracht bevestigen" }).click();
}

export async function transferMail(to: string, plate: string): Promise<Mail> {
  return waitForMail(to, (m) => m.text.includes(plate) && /\/transfers\//.test(m.text));
}

export function transferLink(mail: Mail): string {
  return linkIn(mail, /http:\/\/localhost:\d+\/nl\/transfers\/[\w-]+/);
}

/** A buyer without an account follows the link, sets a password and lands on the car's page. */
export async function activateAndAccept(browser: Browser, link: string, password = "een-lang-wachtwoord-7"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByLabel("Herhaal wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account activeren en auto toevoegen" }).click();
  await expect(page).toHaveURL(/\/nl\/garage\/vehicles\/[\w-]+\?linked=1$/);
  return { context, page };
}
