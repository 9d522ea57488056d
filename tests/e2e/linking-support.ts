/**
 * Steps of the linking journeys (flows 1, 2, 4, 5) through the English pages, whose texts are
 * final; fields are found by their `name`. Also: capturing a server action's POST and replaying
 * it with another account's cookies, for the cross-tenant specs.
 */
import { expect, type Browser, type BrowserContext, type Page, type Route } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { linkIn, signIn, waitForMail } from "./support";

export const DEALER_A = "dealer@demo.autodossier.test";
export const DEALER_A_NAME = "Porsche Centrum Amsterdam";
export const DEALER_B = "dealer-b@demo.autodossier.test";

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
/** A unique European-style VIN (no check digit), so parallel tests never share a car. */
export function uniqueVin(): string {
  let s = "WP0ZZZ";
  for (const b of randomBytes(11)) s += VIN_CHARS[b % VIN_CHARS.length];
  return s;
}

/** A signed-in page in a fresh browser context (English pages). */
export async function signedIn(browser: Browser, email: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password, "en");
  return { context, page };
}

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/** Dealer A records the sale of a new car with contracts; returns the link from the invitation e-mail. */
export async function recordSale(
  dealer: Page,
  opts: { vin: string; email: string; products?: ("CONNECT" | "CHARGING" | "ROADSIDE" | "WARRANTY_PLUS")[] },
): Promise<string> {
  const products = opts.products ?? ["CONNECT", "CHARGING"];
  await dealer.goto("/en/console/invitations/new");
  await field(dealer, "vin").fill(opts.vin);
  await field(dealer, "make").fill("Porsche");
  await field(dealer, "model").fill("Taycan");
  await field(dealer, "modelYear").fill("2026");
  await field(dealer, "fuel").selectOption("ELECTRIC");
  await field(dealer, "email").fill(opts.email);
  await field(dealer, "locale").selectOption("en");
  for (const p of ["CONNECT", "CHARGING", "ROADSIDE", "WARRANTY_PLUS"] as const) {
    await field(dealer, `include_${p}`).setChecked(products.includes(p));
  }
  await dealer.getByRole("button", { name: "Record sale and send invitation" }).click();
  await expect(dealer).toHaveURL(/\/en\/console\/invitations\?created=1$/);
  await expect(dealer.getByTestId("notice")).toBeVisible();
  const row = dealer.getByTestId("invitation-row").filter({ hasText: opts.vin });
  await expect(row).toContainText(opts.email);
  await expect(row).toContainText("Sent");
  await expect(row).toContainText("sent once");
  const mail = await waitForMail(opts.email, (m) => m.subject.includes("Add your new Porsche Taycan"));
  return linkIn(mail, /http:\/\/localhost:\d+\/en\/invitations\/[\w-]+/);
}

/** Follows an invitation link signed out and creates the account there; returns the signed-in page on the car. */
export async function acceptWithNewAccount(browser: Browser, link: string, password = "a-long-password-7"): Promise<{ context: BrowserContext; page: Page; vehicleId: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `${DEALER_A_NAME} invites you to add your car` })).toBeVisible();
  await page.getByLabel("First name").fill("Noor");
  await page.getByLabel("Last name").fill("Visser");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat password").fill(password);
  await page.getByRole("button", { name: "Create account and add car" }).click();
  await expect(page).toHaveURL(/\/en\/garage\/vehicles\/\w+\?linked=1$/);
  const vehicleId = new URL(page.url()).pathname.split("/").pop()!;
  return { context, page, vehicleId };
}

/** Dealer A verifies `ownerEmail` at the desk and links a new car; returns the car's id. */
export async function linkAtDesk(dealer: Page, opts: { ownerEmail: string; ownerName?: string; vin: string }): Promise<string> {
  await dealer.goto("/en/console/vehicles/verify");
  await dealer.getByLabel("Owner's e-mail address (their account)").fill(opts.ownerEmail);
  await dealer.getByRole("button", { name: "Look up account" }).click();
  await expect(dealer.getByTestId("owner-found")).toContainText(opts.ownerEmail);
  if (opts.ownerName) await expect(dealer.getByTestId("owner-found")).toContainText(opts.ownerName);
  await field(dealer, "relationship").selectOption("OWNER");
  await field(dealer, "idDocumentType").selectOption("PASSPORT");
  await field(dealer, "fullName").fill("Test Gebruiker");
  await field(dealer, "dateOfBirth").fill("1988-02-29");
  await field(dealer, "placeOfBirth").fill("Utrecht");
  await field(dealer, "address").fill("Oudegracht 1, 3511 AA Utrecht");
  await field(dealer, "documentValidUntil").fill(`${new Date().getFullYear() + 4}-05-31`);
  await field(dealer, "vin").fill(opts.vin);
  await field(dealer, "make").fill("Porsche");
  await field(dealer, "model").fill("Macan");
  await field(dealer, "modelYear").fill("2022");
  await field(dealer, "registeredOwnerName").fill("Test Gebruiker");
  await field(dealer, "registeredOwnerAddress").fill("Oudegracht 1, 3511 AA Utrecht");
  await dealer.getByRole("button", { name: "Verify and link car" }).click();
  await expect(dealer).toHaveURL(/\/en\/console\/vehicles\?linked=\w+$/);
  await expect(dealer.getByTestId("notice")).toBeVisible();
  const vehicleId = new URL(dealer.url()).searchParams.get("linked")!;
  await dealer.goto(`/en/console/vehicles?q=${opts.vin}`);
  await expect(dealer.getByTestId("dealer-vehicle").filter({ hasText: opts.vin })).toContainText(opts.ownerEmail);
  return vehicleId;
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Runs `trigger` (e.g. a click on a form's button) and captures the server-action POST it makes
 * without letting it reach the server: nothing changes, and the request can be replayed.
 */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  const handler = async (route: Route) => {
    const r = route.request();
    if (!captured && r.method() === "POST" && r.headers()["next-action"]) {
      captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.from("") };
      await route.abort();
    } else {
      await route.continue();
    }
  };
  await page.route("**/*", handler);
  await trigger();
  await expect.poll(() => !!captured).toBe(true);
  await page.unroute("**/*", handler);
  return captured!;
}

/** Posts a captured server action again with the cookies of `context` (another account). */
export async function replayAction(context: BrowserContext, action: CapturedAction): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    "next-action": action.headers["next-action"],
    "content-type": action.headers["content-type"],
    accept: "text/x-component",
    origin: new URL(action.url).origin,
  };
  if (action.headers["next-router-state-tree"]) headers["next-router-state-tree"] = action.headers["next-router-state-tree"];
  const res = await context.request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
  return { status: res.status(), body: await res.text() };
}

/** The replayed action ran and the use case refused it as not found. */
export function expectRefused(r: { status: number; body: string }) {
  expect(r.status, r.body).toBeLessThan(500);
  expect(r.body).toContain('"ok":false');
  expect(r.body).toContain('"code":"NOT_FOUND"');
}

/** An e-mail in the catcher to `to` whose text carries a link to the car's page. */
export async function waitForCarMail(to: string, vehicleId: string) {
  return waitForMail(to, (m) => m.text.includes(`/garage/vehicles/${vehicleId}`));
}
