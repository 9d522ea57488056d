/**
 * Every page at a phone's width (390 CSS pixels), in Dutch and English: nothing scrolls sideways
 * (document.documentElement.scrollWidth <= clientWidth) and no licence plate breaks across lines.
 * PAGES lists every route of app/**\/page.tsx with who visits it; the first test fails when a page
 * is added without being listed, so a new page cannot skip this check. The pages are visited with
 * long e-mail addresses, a pending transfer, a claimed verification request and a replaced
 * invitation link, the states that overflowed before.
 */
import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from "./fixtures";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { answerDialog, DEMO_PASSWORD, linkIn, mailsTo, SIGN_UP_PASSWORD, signIn, waitForMail } from "./support";
import { createPassport, fillTransfer, transferLink, transferMail, uniquePlate, uniqueVin } from "./passports-support";
import { recordSale } from "./linking-support";
import { attach, jpeg, makeVin, PASSWORD, submitRequest } from "./verification-support";
import { disputedCar } from "./dispute-support";

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** Which test visits a page (each test checks at its end that it visited all of its pages). */
type Journey = "signedOut" | "dealer" | "garage" | "fleet" | "owner" | "account" | "admin" | "dispute";

/** Every page route (app/[locale]/…/page.tsx without the route groups), and the test that visits it. */
const PAGES: Record<string, { by: Journey; notFound?: true }> = {
  "/": { by: "signedOut" },
  "/sign-in": { by: "signedOut" },
  // With DEMO_MODE (as here) the page served at /sign-in; its own address leads there (decision 0041).
  "/sign-in-demo": { by: "signedOut" },
  "/sign-up": { by: "signedOut" },
  "/forgot-password": { by: "signedOut" },
  "/resend-activation": { by: "signedOut" },
  "/activate/[token]": { by: "signedOut" },
  "/reset-password/[token]": { by: "signedOut" },
  // The built-in mail catcher exists only without SMTP_URL; the end-to-end server has one: its 404.
  "/dev/mail": { by: "signedOut", notFound: true },
  "/[...rest]": { by: "signedOut", notFound: true },
  "/invitations/[token]": { by: "dealer" },
  "/console": { by: "dealer" },
  "/console/invitations": { by: "dealer" },
  "/console/invitations/new": { by: "dealer" },
  "/console/vehicles": { by: "dealer" },
  "/console/vehicles/verify": { by: "dealer" },
  "/console/dossier": { by: "dealer" },
  "/console/dossier/[vehicleId]": { by: "dealer" },
  "/console/dossier/[vehicleId]/correct/[entryId]": { by: "dealer" },
  "/console/appointments": { by: "dealer" },
  "/console/appointments/[id]": { by: "dealer" },
  "/console/passports": { by: "garage" },
  "/console/passports/new": { by: "garage" },
  "/console/passports/[id]": { by: "garage" },
  "/transfers/[token]": { by: "garage" },
  "/console/unlink-requests": { by: "garage" },
  "/console/fleet": { by: "fleet" },
  "/console/fleet/[id]": { by: "fleet" },
  "/garage": { by: "owner" },
  "/garage/vehicles/[id]": { by: "owner" },
  "/garage/vehicles/[id]/remove": { by: "owner" },
  "/garage/vehicles/[id]/handover": { by: "owner" },
  "/garage/handovers/[id]": { by: "owner" },
  "/handovers/[token]": { by: "owner" },
  "/driver-invitations/[token]": { by: "owner" },
  "/report/[token]": { by: "owner" },
  "/garage/vehicles/[id]/history/new": { by: "owner" },
  "/garage/vehicles/[id]/appointments/new": { by: "owner" },
  "/garage/vehicles/[id]/history/[entryId]/correct": { by: "owner" },
  "/garage/verifications/new": { by: "account" },
  "/garage/verifications/[id]": { by: "account" },
  "/account": { by: "account" },
  "/messages": { by: "owner" },
  "/account/profile": { by: "account" },
  "/account/delete": { by: "account" },
  "/consents/[token]": { by: "account" },
  "/unsubscribe/[token]": { by: "account" },
  "/email-change/[token]": { by: "account" },
  "/email-change/report/[token]": { by: "account" },
  "/privacy": { by: "signedOut" },
  "/console/verifications": { by: "account" },
  "/console/verifications/[id]": { by: "account" },
  "/console/transfers": { by: "account" },
  "/console/handovers": { by: "account" },
  "/console/handovers/[id]": { by: "account" },
  "/console/recalls": { by: "account" },
  "/console/recalls/new": { by: "account" },
  // The "I sold this car" link of a reminder: an unknown token reads as not found.
  "/garage/sold/[token]": { by: "owner", notFound: true },
  "/console/admin/organisations": { by: "admin" },
  "/console/admin/organisations/[id]": { by: "admin" },
  "/console/admin/users": { by: "admin" },
  "/garage/disputes/[id]": { by: "dispute" },
  "/console/verifications/disputes/[id]": { by: "dispute" },
};

/** The test visited every page it is responsible for, in both languages. */
function expectVisitedAll(journey: Journey) {
  const mine = Object.entries(PAGES).filter(([, v]) => v.by === journey).map(([r]) => r);
  expect(mine.filter((r) => !visited.has(r)), `${journey}: pages not visited`).toEqual([]);
}

/** The page routes on disk: app/[locale]/(group)/a/[id]/page.tsx is "/a/[id]". */
function pageRoutes(dir = path.resolve("app")): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pageRoutes(p));
    else if (e.name === "page.tsx") {
      const segments = path
        .relative(path.resolve("app"), dir)
        .split(path.sep)
        .filter((s) => s && s !== "[locale]" && !/^\(.*\)$/.test(s));
      out.push(`/${segments.join("/")}`);
    }
  }
  return out.sort();
}

/** An address long enough to overflow a phone unless the page lets it wrap. */
const longEmail = (prefix: string) => `${prefix}-marie-christine.van-der-heijden-${randomBytes(3).toString("hex")}@autodossier-phone-width.example.test`;

const visited = new Set<string>();

/**
 * Opens `route` (filled in as `url`) in both languages and checks the width and the plates. Returns
 * how many plates it checked.
 */
async function visit(page: Page, route: keyof typeof PAGES, url: string, locales: readonly ("nl" | "en")[] = ["nl", "en"]): Promise<number> {
  let plates = 0;
  for (const locale of locales) {
    const target = `/${locale}${url === "/" ? "" : url}`;
    const res = await page.goto(target);
    expect(res?.status(), target).toBe(PAGES[route]!.notFound ? 404 : 200);
    await page.waitForLoadState("load");
    plates += await expectFits(page, target);
    if (SHOTS) await screenshots(page, route, locale);
  }
  visited.add(route);
  return plates;
}

/** With UX_SHOTS_DIR set, each visited page is also saved as a full-page screenshot at 390 and 1280 pixels. */
const SHOTS = process.env.UX_SHOTS_DIR;

/** A screenshot of a state that is not a page of its own (a message after an action), at 390 px. */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
}

async function screenshots(page: Page, route: string, locale: string) {
  const name = route.replace(/[^\w]+/g, "-").replace(/^-|-$/g, "") || "home";
  await page.screenshot({ path: path.join(SHOTS!, `${name}-${locale}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOTS!, `${name}-${locale}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

/** Nothing scrolls sideways, and every plate is on one line. */
async function expectFits(page: Page, label: string): Promise<number> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  if (scrollWidth > clientWidth) {
    // Name the widest elements, to find the culprit from the report alone.
    const wide = await page.evaluate((w) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 0.5 && out.length < 5) out.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}" right=${Math.round(r.right)}`);
      }
      return out;
    }, clientWidth);
    expect(scrollWidth, `${label} scrolls sideways: ${wide.join(" | ")}`).toBeLessThanOrEqual(clientWidth);
  }
  const plates = await page.locator('[data-testid="plate"]').evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      // One line: every piece of its text overlaps every other vertically.
      const oneLine = rects.length === 0 || Math.max(...rects.map((r) => r.top)) < Math.min(...rects.map((r) => r.bottom));
      const px = (v: string) => parseFloat(v) || 0;
      const lineHeight = style.lineHeight === "normal" ? px(style.fontSize) * 1.5 : px(style.lineHeight);
      const box = px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
      // Its height is one line's (plus its own padding and border), not two.
      const height = el.getBoundingClientRect().height;
      return { text: (el.textContent ?? "").trim(), oneLine, height, max: lineHeight + box + 1, nowrap: style.whiteSpace === "nowrap" };
    }),
  );
  for (const p of plates) {
    expect(p.oneLine && p.height <= p.max && p.nowrap, `${label}: plate "${p.text}" wraps (height ${p.height}, one line is at most ${p.max})`).toBe(true);
  }
  return plates.length;
}

async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.waitForLoadState("load");
  return { context, page };
}

async function anonymousPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE });
  return { context, page: await context.newPage() };
}

/** Signs up through the page with a long address and returns the activation link (not followed). */
async function signUpLong(page: Page, email: string, password = PASSWORD): Promise<string> {
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Marie-Christine");
  await page.getByLabel("Achternaam").fill("van der Heijden-Vandenbroucke");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByLabel("Herhaal wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();
  // The long address in the success message fits too; the emptied form is gone.
  await expectFits(page, "/nl/sign-up (done)");
  await expect(page.getByLabel("Voornaam")).toHaveCount(0);
  await shot(page, "sign-up-done-nl");
  return linkIn(await waitForMail(email, (m) => /activate\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/);
}

test("every page route is in this spec's list", () => {
  const routes = pageRoutes();
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => !(r in PAGES)), "pages missing from PAGES in tests/e2e/phone-width.spec.ts").toEqual([]);
  expect(Object.keys(PAGES).filter((r) => !routes.includes(r)), "PAGES lists routes that no longer exist").toEqual([]);
});

test("signed-out pages and the links from e-mails fit a phone", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser);
  for (const route of ["/", "/sign-in", "/sign-up", "/forgot-password", "/resend-activation", "/dev/mail", "/privacy"] as const) await visit(page, route, route);
  await visit(page, "/[...rest]", "/no-such-page/at-all");
  await visit(page, "/sign-in-demo", "/sign-in-demo");

  // An activation link of an account with a long address.
  const email = longEmail("signup");
  const activation = await signUpLong(page, email);
  await visit(page, "/activate/[token]", new URL(activation).pathname.replace(/^\/nl/, ""));
  // Activated, then a password-reset link for it.
  await page.goto(activation);
  await page.getByLabel(SIGN_UP_PASSWORD.nl).fill(PASSWORD);
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/activated=1/);
  await page.goto("/nl/forgot-password");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Link versturen" }).click();
  await expect(page.getByTestId("forgot-done")).toBeVisible();
  const reset = linkIn(await waitForMail(email, (m) => /reset-password\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/reset-password\/[\w-]+/);
  await visit(page, "/reset-password/[token]", new URL(reset).pathname.replace(/^\/nl/, ""));
  await context.close();
  expectVisitedAll("signedOut");
});

test("the dealer's console and an invitation link, current and replaced by \"Send again\", fit a phone", async ({ browser }) => {
  const dealer = await signedInPage(browser, "dealer@demo.autodossier.test");
  const vin = uniqueVin();
  const buyer = longEmail("buyer");
  const first = await recordSale(dealer.page, { vin, email: buyer, products: ["CONNECT", "ROADSIDE"] });
  for (const route of ["/console", "/console/invitations", "/console/invitations/new", "/console/vehicles", "/console/vehicles/verify", "/console/dossier"] as const) await visit(dealer.page, route, route);
  // The demo owner's Porsche, which the dealer linked and services: its record, and the correction
  // of one of the dealer's own entries (the demo history has three).
  await dealer.page.goto("/nl/console/dossier?q=WP0ZZZ99ZTS392124");
  const serviced = await dealer.page.getByTestId("dossier-car").filter({ hasText: "WP0ZZZ99ZTS392124" }).getByRole("link").getAttribute("href");
  const servicedId = serviced!.split("/").pop()!;
  await visit(dealer.page, "/console/dossier/[vehicleId]", `/console/dossier/${servicedId}`);
  const correctWork = await dealer.page.getByTestId("correct-entry").first().getAttribute("href");
  await visit(dealer.page, "/console/dossier/[vehicleId]/correct/[entryId]", correctWork!.replace(/^\/(nl|en)/, ""));
  // The demo owner's appointment request at the demo dealer (prisma/seed-demo.ts).
  await visit(dealer.page, "/console/appointments", "/console/appointments");
  const appointment = await dealer.page.getByTestId("staff-appointment").first().getByRole("link").getAttribute("href");
  await visit(dealer.page, "/console/appointments/[id]", appointment!.replace(/^\/(nl|en)/, ""));

  const anon = await anonymousPage(browser);
  const token = new URL(first).pathname.split("/").pop()!;
  await visit(anon.page, "/invitations/[token]", `/invitations/${token}`);

  // Sent again: the first link now says a newer one was sent, instead of "not valid".
  await dealer.page.goto("/en/console/invitations");
  const row = dealer.page.getByTestId("invitation-row").filter({ hasText: vin });
  await row.getByRole("button", { name: "Send again" }).click();
  // "Send again" answers with a toast, as Revoke on the same row does.
  await expect(dealer.page.getByTestId("toast-success")).toBeVisible();
  await expect.poll(async () => (await mailsTo(buyer)).length).toBe(2);
  await anon.page.goto(first);
  await expect(anon.page.getByTestId("invitation-state")).toContainText("sent you a newer link for this invitation");
  await expectFits(anon.page, "replaced invitation link (en)");
  await shot(anon.page, "invitation-replaced-en");
  await anon.page.goto(first.replace("/en/", "/nl/"));
  await expect(anon.page.getByTestId("invitation-state")).toContainText("nieuwere link voor deze uitnodiging");
  await expectFits(anon.page, "replaced invitation link (nl)");
  await anon.context.close();
  await dealer.context.close();
  expectVisitedAll("dealer");
});

test("the garage's AutoPaspoorts, a pending transfer to a long address and its link fit a phone; plates stay on one line", async ({ browser }) => {
  const garage = await signedInPage(browser, "garage@demo.autodossier.test");
  let plates = await visit(garage.page, "/console/passports", "/console/passports");
  await visit(garage.page, "/console/passports/new", "/console/passports/new");
  const plate = uniquePlate();
  const id = await createPassport(garage.page, { plate, vin: uniqueVin(), fleet: true });
  // Fleet-linked: the transfer form says why it cannot be confirmed; unlinking says it can now.
  await garage.page.getByRole("button", { name: "Details" }).click();
  await expect(garage.page.getByRole("button", { name: "Overdracht bevestigen" })).toBeDisabled();
  await expectFits(garage.page, "passport, fleet-linked, details open");
  await shot(garage.page, "passport-fleet-linked-nl");
  await garage.page.getByRole("button", { name: "Ontkoppelen van wagenparkaccount" }).click();
  await expect(garage.page.getByTestId("form-success").filter({ hasText: "wagenparkaccount" })).toBeVisible();
  await expect(garage.page.getByRole("button", { name: "Overdracht bevestigen" })).toBeEnabled();
  await expectFits(garage.page, "passport, unlinked");
  await shot(garage.page, "passport-fleet-unlinked-nl");
  const buyer = longEmail("koper");
  await fillTransfer(garage.page, { email: buyer });
  await expect(garage.page.getByTestId("transfer-pending")).toBeVisible();
  plates += await visit(garage.page, "/console/passports/[id]", `/console/passports/${id}`);
  // The list with this passport (a known plate) on it.
  plates += await visit(garage.page, "/console/passports", `/console/passports?q=${plate}`);
  expect(plates).toBeGreaterThan(2);
  await visit(garage.page, "/console/unlink-requests", "/console/unlink-requests");

  const anon = await anonymousPage(browser);
  await visit(anon.page, "/transfers/[token]", new URL(transferLink(await transferMail(buyer, plate))).pathname.replace(/^\/nl/, ""));
  await anon.context.close();
  await garage.context.close();
  expectVisitedAll("garage");
});

test("the fleet manager's cars and a car's passport fit a phone; plates stay on one line", async ({ browser }) => {
  // The demo fleet account's Toyota (decision 0030).
  const fleet = await signedInPage(browser, "fleet@demo.autodossier.test");
  let plates = await visit(fleet.page, "/console/fleet", "/console/fleet");
  const href = await fleet.page.getByTestId("fleet-car").first().getByRole("link").first().getAttribute("href");
  plates += await visit(fleet.page, "/console/fleet/[id]", href!.replace(/^\/(nl|en)/, ""));
  expect(plates).toBeGreaterThan(1);
  await fleet.context.close();
  expectVisitedAll("fleet");
});

test("the demo owner's garage, a car and its pages, a handover, a driver invitation, a report and the inbox fit a phone", async ({ browser }) => {
  // The demo owner's cars (plates, contracts).
  const owner = await signedInPage(browser, "owner@demo.autodossier.test");
  let plates = await visit(owner.page, "/garage", "/garage");
  const href = await owner.page.getByTestId("garage-vehicle").first().getByRole("link").first().getAttribute("href");
  const vehicleId = href!.split("/").pop()!;
  plates += await visit(owner.page, "/garage/vehicles/[id]", `/garage/vehicles/${vehicleId}`);
  await visit(owner.page, "/garage/vehicles/[id]/remove", `/garage/vehicles/${vehicleId}/remove`);
  // A handover to a buyer with a long address (docs/decisions/0034): the start form, the seller's
  // page, the buyer's page signed out; then withdrawn, so the car stays the owner's.
  await visit(owner.page, "/garage/vehicles/[id]/handover", `/garage/vehicles/${vehicleId}/handover`);
  const buyerEmail = longEmail("buyer");
  await owner.page.goto(`/nl/garage/vehicles/${vehicleId}/handover`);
  await owner.page.getByLabel("Naam van de koper").fill("Marie-Christine van der Heijden-Vermeulen");
  await owner.page.getByLabel("E-mailadres van de koper").fill(buyerEmail);
  await owner.page.getByLabel("E-mailadres nogmaals").fill(buyerEmail);
  await owner.page.getByLabel("Kilometerstand bij verkoop (km)").fill("250000");
  await owner.page.getByRole("button", { name: "Naar de koper sturen" }).click();
  await expect(owner.page).toHaveURL(/\/nl\/garage\/handovers\/\w+\?started=1$/);
  const handoverPath = new URL(owner.page.url()).pathname.replace(/^\/nl/, "");
  await visit(owner.page, "/garage/handovers/[id]", handoverPath);
  const handoverMail = await waitForMail(buyerEmail);
  const buyerAnon = await anonymousPage(browser);
  await visit(buyerAnon.page, "/handovers/[token]", new URL(linkIn(handoverMail, /http:\/\/localhost:\d+\/\w+\/handovers\/[\w-]+/)).pathname.replace(/^\/\w+/, ""));
  await buyerAnon.context.close();
  await owner.page.goto(`/nl${handoverPath}`);
  await owner.page.getByRole("button", { name: "Overdracht intrekken" }).click();
  await answerDialog(owner.page, "Intrekken");
  await expect(owner.page.getByTestId("toast-success")).toBeVisible();
  // A driver invited with a long address: the invitation page as the driver sees it, signed out.
  const driverEmail = longEmail("driver");
  await owner.page.goto(`/nl/garage/vehicles/${vehicleId}#drivers`);
  await owner.page.getByLabel("E-mailadres van de bestuurder").fill(driverEmail);
  await owner.page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(owner.page.getByTestId("driver-invitation").filter({ hasText: driverEmail })).toBeVisible();
  await expectFits(owner.page, "car page with a waiting driver invitation");
  const invitation = await waitForMail(driverEmail);
  const driverAnon = await anonymousPage(browser);
  await visit(driverAnon.page, "/driver-invitations/[token]", new URL(linkIn(invitation, /http:\/\/localhost:\d+\/\w+\/driver-invitations\/[\w-]+/)).pathname.replace(/^\/\w+/, ""));
  // A buyer report link of the car, opened signed out (docs/decisions/0036).
  await owner.page.goto(`/nl/garage/vehicles/${vehicleId}`);
  await owner.page.getByTestId("report-links").getByRole("button", { name: "Link maken" }).click();
  const reportUrl = await owner.page.getByTestId("report-link-url").inputValue();
  await expectFits(owner.page, "car page with a new report link");
  plates += await visit(driverAnon.page, "/report/[token]", new URL(reportUrl).pathname.replace(/^\/[\w-]+/, ""));
  await driverAnon.context.close();
  await visit(owner.page, "/garage/vehicles/[id]/history/new", `/garage/vehicles/${vehicleId}/history/new`);
  await visit(owner.page, "/garage/vehicles/[id]/appointments/new", `/garage/vehicles/${vehicleId}/appointments/new`);
  // The correction of an entry the owner reported (the demo history has one per car).
  await owner.page.goto(`/nl/garage/vehicles/${vehicleId}`);
  const correctOwn = await owner.page.getByTestId("correct-entry").first().getAttribute("href");
  await visit(owner.page, "/garage/vehicles/[id]/history/[entryId]/correct", correctOwn!.replace(/^\/(nl|en)/, ""));
  await visit(owner.page, "/garage/sold/[token]", "/garage/sold/no-such-sold-link-token-000000");
  // The inbox (the demo owner has messages, some unread).
  await visit(owner.page, "/messages", "/messages");
  expect(plates).toBeGreaterThan(0);
  await owner.context.close();
  expectVisitedAll("owner");
});

test("a new owner's account, its e-mailed links and a verification request fit a phone; support's review too", async ({ browser }) => {
  // A new owner with a long address: the account page and a request of their own.
  const anon = await anonymousPage(browser);
  const email = longEmail("owner");
  await anon.page.goto(await signUpLong(anon.page, email));
  await anon.page.getByLabel(SIGN_UP_PASSWORD.nl).fill(PASSWORD);
  await anon.page.getByRole("button", { name: "Account activeren" }).click();
  await expect(anon.page).toHaveURL(/activated=1/);
  await expect(anon.page.getByText("Je account is actief. Je kunt nu inloggen.")).toBeVisible();
  await anon.context.close();
  const fresh = await signedInPage(browser, email, PASSWORD);
  await visit(fresh.page, "/account", "/account");
  // The devices are named, never a raw user-agent.
  await expect(fresh.page.getByTestId("session-device").first()).toHaveText(/^Chrome( on .+)?$/);
  await visit(fresh.page, "/account/profile", "/account/profile");
  await visit(fresh.page, "/account/delete", "/account/delete");
  // The privacy links from e-mails, for an account with a long address: opt-in, unsubscribe, e-mail change.
  await fresh.page.goto("/nl/account");
  await fresh.page.getByTestId("consent-NEWSLETTER").getByRole("button", { name: "Aanzetten" }).click();
  const optIn = linkIn(await waitForMail(email, (m) => /consents\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/consents\/[\w-]+/);
  await visit(fresh.page, "/consents/[token]", new URL(optIn).pathname.replace(/^\/nl/, ""));
  await fresh.page.goto(optIn);
  await fresh.page.getByRole("button", { name: "Ja, zet het aan" }).click();
  await expect(fresh.page.getByTestId("link-done")).toBeVisible();
  const unsubscribeLink = linkIn(await waitForMail(email, (m) => /unsubscribe\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/unsubscribe\/[\w-]+/);
  await visit(fresh.page, "/unsubscribe/[token]", new URL(unsubscribeLink).pathname.replace(/^\/nl/, ""));
  const nextEmail = longEmail("changed");
  await fresh.page.goto("/nl/account");
  await fresh.page.getByLabel("Nieuw e-mailadres").fill(nextEmail);
  await fresh.page.getByLabel("Je wachtwoord").fill(PASSWORD);
  await fresh.page.getByRole("button", { name: "Bevestigingslink sturen" }).click();
  await expect(fresh.page.getByTestId("email-change-sent")).toBeVisible();
  await expectFits(fresh.page, "/nl/account (e-mail change sent)");
  const change = linkIn(await waitForMail(nextEmail, (m) => /email-change\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/email-change\/[\w-]+/);
  await visit(fresh.page, "/email-change/[token]", new URL(change).pathname.replace(/^\/nl/, ""));
  const report = linkIn(await waitForMail(email, (m) => /email-change\/report\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/email-change\/report\/[\w-]+/);
  await visit(fresh.page, "/email-change/report/[token]", new URL(report).pathname.replace(/^\/nl/, ""));
  await visit(fresh.page, "/garage/verifications/new", "/garage/verifications/new");
  const requestId = await submitRequest(fresh.page, { locale: "nl", vin: makeVin() });
  await visit(fresh.page, "/garage/verifications/[id]", `/garage/verifications/${requestId}`);
  await fresh.context.close();

  // Support: the queue, the transfers, and the request claimed, with its documents and the form.
  const support = await signedInPage(browser, "support@demo.autodossier.test");
  await visit(support.page, "/console/verifications", "/console/verifications");
  await visit(support.page, "/console/transfers", "/console/transfers");
  // The handovers support decides on: the demo's accepted one, opened by its buyer (docs/decisions/0034).
  await visit(support.page, "/console/handovers", "/console/handovers");
  const handoverHref = await support.page.getByTestId("handover-row").first().getByRole("link").first().getAttribute("href");
  await visit(support.page, "/console/handovers/[id]", handoverHref!.replace(/^\/(nl|en)/, ""));
  await visit(support.page, "/console/recalls", "/console/recalls");
  await visit(support.page, "/console/recalls/new", "/console/recalls/new");
  await support.page.goto(`/nl/console/verifications/${requestId}`);
  await support.page.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  await expect(support.page.getByTestId("documents")).toBeVisible();
  await visit(support.page, "/console/verifications/[id]", `/console/verifications/${requestId}`);
  // On a wide screen the documents stand beside the form, not above it.
  await support.page.setViewportSize({ width: 1280, height: 900 });
  await support.page.reload();
  const docs = (await support.page.getByTestId("documents-card").boundingBox())!;
  const form = (await support.page.getByTestId("decision-column").boundingBox())!;
  expect(docs.x + docs.width).toBeLessThanOrEqual(form.x);
  expect(Math.abs(docs.y - form.y)).toBeLessThan(40);
  await support.context.close();
  expectVisitedAll("account");
});

test("the admin's organisations and users fit a phone", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@demo.autodossier.test");
  await visit(admin.page, "/console/admin/organisations", "/console/admin/organisations");
  // Places in the page's language: "Brussels, Belgium" on an English page, not the stored "Brussel".
  await expect(admin.page.getByTestId("org-place").filter({ hasText: "Brussels" })).toHaveText("Brussels, Belgium");
  await visit(admin.page, "/console/admin/organisations/[id]", "/console/admin/organisations/demo-dealer-b");
  await visit(admin.page, "/console/admin/users", "/console/admin/users");
  await admin.context.close();
  expectVisitedAll("admin");
});


test("a claim on a car: the holder's answer page and support's review of a contest fit a phone", async ({ browser }) => {
  const d = await disputedCar(browser);
  const holder = await signedInPage(browser, d.holderEmail, PASSWORD);
  const path = new URL(d.contestUrl).pathname.replace(/^\/nl/, "");
  await visit(holder.page, "/garage/disputes/[id]", path);
  await holder.page.goto(`/nl${path}`);
  await attach(holder.page, "REGISTRATION", { name: "kenteken.jpg", mimeType: "image/jpeg", buffer: await jpeg() });
  await expect(holder.page.getByTestId("uploaded-REGISTRATION")).toBeVisible();
  await holder.page.getByRole("button", { name: "Naar de beoordelaar sturen" }).click();
  await expect(holder.page.getByTestId("notice")).toBeVisible();
  await holder.context.close();
  const support = await signedInPage(browser, "support@demo.autodossier.test");
  await visit(support.page, "/console/verifications/disputes/[id]", `/console/verifications/disputes/${path.split("/").pop()}`);
  await support.context.close();
  expectVisitedAll("dispute");
});
