/** Helpers for the self-registration journeys: documents made in the test, accounts, the form. */
import { expect, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { linkIn, SIGN_UP_PASSWORD, signIn, uniqueEmail, waitForMail } from "./support";

export const PASSWORD = "a-long-password-8";

/** Signs in and waits until the landing page has loaded. */
export async function login(page: Page, email: string, password?: string, locale: "nl" | "en" = "nl") {
  await signIn(page, email, password, locale);
  await page.waitForLoadState("load");
}

export async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: "#3060a0" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Phone 15" } })
    .toBuffer();
}

export async function png(): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 80, channels: 3, background: "#20a050" } }).png().toBuffer();
}

/** About 1.5 MB of PNG (noise does not compress): big enough to watch its upload progress. */
export async function largePng(): Promise<Buffer> {
  return sharp(randomBytes(720 * 720 * 3), { raw: { width: 720, height: 720, channels: 3 } }).png().toBuffer();
}

export async function pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText("Kentekenbewijs", { x: 20, y: 100, size: 14 });
  return Buffer.from(await doc.save());
}

export function zeroPagePdf(): Buffer {
  return Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
}

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
export function makeVin(): string {
  let s = "WP0ZZZ";
  for (const b of randomBytes(11)) s += VIN_CHARS[b % VIN_CHARS.length];
  return s;
}

const LABELS = {
  nl: { first: "Voornaam", last: "Achternaam", email: "E-mailadres", password: "Wachtwoord", confirm: "Herhaal wachtwoord", create: "Account aanmaken", activate: "Account activeren" },
  en: { first: "First name", last: "Last name", email: "E-mail address", password: "Password", confirm: "Repeat password", create: "Create account", activate: "Activate account" },
};

/** Signs up through the pages in `locale` (the account's language) and activates from the e-mail. */
export async function newOwner(browser: Browser, locale: "nl" | "en" = "nl"): Promise<string> {
  const email = uniqueEmail("owner");
  const l = LABELS[locale];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/${locale}/sign-up`);
  await page.getByLabel(l.first).fill("Eva");
  await page.getByLabel(l.last).fill("Jansen");
  await page.getByLabel(l.email).fill(email);
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(l.confirm).fill(PASSWORD);
  await page.getByRole("button", { name: l.create }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();
  await page.goto(linkIn(await waitForMail(email), new RegExp(`http://localhost:\\d+/${locale}/activate/[\\w-]+`)));
  await page.getByLabel(SIGN_UP_PASSWORD[locale]).fill(PASSWORD);
  await page.getByRole("button", { name: l.activate }).click();
  await expect(page).toHaveURL(/activated=1/);
  await context.close();
  return email;
}

export type Kind = "ID_FRONT" | "ID_BACK" | "REGISTRATION" | "AUTHORISATION";

export async function attach(page: Page, kind: Kind, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId(`slot-${kind}`).locator('input[type="file"]').setInputFiles(file);
}

/** Fills the "Add a car" form with three documents (and the dealer, if given). */
export async function fillRequest(page: Page, opts: { locale: "nl" | "en"; vin: string; dealer?: string }): Promise<void> {
  await page.goto(`/${opts.locale}/garage/verifications/new`);
  await page.getByLabel(opts.locale === "nl" ? "VIN (chassisnummer)" : "VIN (chassis number)").fill(opts.vin);
  await attach(page, "ID_FRONT", { name: "id-front.jpg", mimeType: "image/jpeg", buffer: await jpeg() });
  await attach(page, "ID_BACK", { name: "id-back.png", mimeType: "image/png", buffer: await png() });
  await attach(page, "REGISTRATION", { name: "kenteken.pdf", mimeType: "application/pdf", buffer: await pdf() });
  for (const k of ["ID_FRONT", "ID_BACK", "REGISTRATION"] as const) await expect(page.getByTestId(`uploaded-${k}`)).toBeVisible();
  if (opts.dealer) await page.getByLabel("Dealer", { exact: true }).selectOption({ label: opts.dealer });
}

/** Fills the "Add a car" form and sends it; returns the request id. */
export async function submitRequest(page: Page, opts: { locale: "nl" | "en"; vin: string; dealer?: string }): Promise<string> {
  return (await submitRequestWithKeys(page, opts)).requestId;
}

/** Like submitRequest, also returning the storage keys of the request's uploaded files. */
export async function submitRequestWithKeys(page: Page, opts: { locale: "nl" | "en"; vin: string; dealer?: string }): Promise<{ requestId: string; keys: string[] }> {
  await fillRequest(page, opts);
  const keys = await uploadedKeys(page);
  await page.getByRole("button", { name: opts.locale === "nl" ? "Aanvraag versturen" : "Send request" }).click();
  await expect(page).toHaveURL(/\/garage\/verifications\/[\w]+\?submitted=1/);
  return { requestId: new URL(page.url()).pathname.split("/").pop()!, keys };
}

/**
 * The storage keys of the files uploaded in the open "Add a car" form: each upload id the form
 * posts carries its key (signed, not secret: lib/verification/upload-token.ts).
 */
export async function uploadedKeys(page: Page): Promise<string[]> {
  const ids = await page.locator('input[type="hidden"][name^="upload_"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter(Boolean));
  return ids.map((id) => String((JSON.parse(Buffer.from(id.split(".")[0]!, "base64url").toString("utf8")) as unknown[])[0]));
}

/**
 * Which of these files are in the server's document folder (E2E_DOCUMENTS_DIR, set by
 * playwright.config.ts). Checked per request, never "the folder is empty": the other worker's
 * requests have files there too.
 */
export function filesOnDisk(keys: string[]): string[] {
  const dir = process.env.E2E_DOCUMENTS_DIR;
  if (!dir) throw new Error("E2E_DOCUMENTS_DIR is not set (playwright.config.ts sets it)");
  return keys.filter((k) => /^[a-f0-9]{64}$/.test(k) && existsSync(path.join(dir, k)));
}

/** Captures the next server action the page posts (and stops it reaching the server). */
export async function captureAction(page: Page, trigger: () => Promise<void>) {
  let resolve!: (v: { url: string; headers: Record<string, string>; body: Buffer }) => void;
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: Buffer }>((r) => (resolve = r));
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      resolve({ url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  const c = await captured;
  await page.unroute("**/*");
  return c;
}

/** Replays a captured server action from another session (or none); returns the response. */
export async function replayAction(request: APIRequestContext, captured: { url: string; headers: Record<string, string>; body: Buffer }) {
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const headers: Record<string, string> = { origin: new URL(captured.url).origin };
  for (const k of keep) if (captured.headers[k]) headers[k] = captured.headers[k]!;
  return request.post(captured.url, { headers, data: captured.body, maxRedirects: 0 });
}

/** The action was refused: no redirect to its success page, an `ok: false` result instead. */
export async function expectRefused(res: APIResponse) {
  expect(res.headers()["x-action-redirect"]).toBeUndefined();
  const text = await res.text();
  expect(text).not.toContain('"ok":true');
  // The action ran and our wrapper refused it: not found for the signed in, sign in for the anonymous.
  expect(text).toMatch(/"ok":false,"error":\{"code":"(NOT_FOUND|UNAUTHENTICATED)"/);
}

/** The reviewer's approve form, filled with plausible facts. */
export async function fillFacts(page: Page) {
  await page.getByLabel("Volledige naam").fill("Alex Tester");
  await page.getByLabel("Geboortedatum").fill("1990-06-01");
  await page.getByLabel("Geboorteplaats").fill("Leiden");
  await page.getByLabel("Adres", { exact: true }).fill("Breestraat 2, 2311 CS Leiden");
  await page.getByLabel("Documenten geldig tot").fill(`${new Date().getFullYear() + 4}-12-31`);
  await page.getByLabel("Merk").fill("Porsche");
  await page.getByLabel("Model", { exact: true }).fill("911 Targa");
  await page.getByLabel("Modeljaar").fill("2022");
  await page.getByLabel("Eigenaar op het kentekenbewijs", { exact: true }).fill("Alex Tester");
  await page.getByLabel("Adres van de eigenaar op het kentekenbewijs").fill("Breestraat 2, 2311 CS Leiden");
}
