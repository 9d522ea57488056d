import { expect, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const DEMO_PASSWORD = "demo-password-2026";
const MAIL = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 3126}`;

export const uniqueEmail = (prefix = "e2e") => `${prefix}-${randomBytes(5).toString("hex")}@example.test`;

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Attached files, their content as text (lib/server/mail/catcher-core.ts). */
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** Waits until the mail catcher holds a message to `to` matching `match`, and returns the newest. */
export async function waitForMail(to: string, match: (m: Mail) => boolean = () => true, timeoutMs = 15_000): Promise<Mail> {
  const until = Date.now() + timeoutMs;
  let all: Mail[] = [];
  while (Date.now() < until) {
    const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to)}`);
    all = (await res.json()) as Mail[];
    const list = all.filter(match);
    if (list.length) return list[list.length - 1];
    await new Promise((r) => setTimeout(r, 200));
  }
  // Say what did arrive: a mail with an unexpected subject is a different bug from no mail at all.
  const got = all.map((m) => JSON.stringify(m.subject)).join(", ") || "none";
  throw new Error(`no matching e-mail to ${to} within ${timeoutMs} ms (arrived: ${got})`);
}

export async function mailsTo(to: string): Promise<Mail[]> {
  const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Mail[];
}

export function linkIn(mail: Mail, pattern: RegExp): string {
  const m = mail.text.match(pattern);
  if (!m) throw new Error(`no link matching ${pattern} in: ${mail.text}`);
  return m[0];
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale = "nl") {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === "nl" ? "E-mailadres" : "E-mail address").fill(email);
  await page.getByLabel(locale === "nl" ? "Wachtwoord" : "Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: locale === "nl" ? "Inloggen" : "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** The activation page's field for the password typed at sign-up (a sign-up link asks for it again). */
export const SIGN_UP_PASSWORD = { nl: "Het wachtwoord dat je bij het aanmelden koos", en: "The password you chose when signing up" } as const;

/** Signs up a fresh user through the pages and activates the account from its e-mail. */
export async function createActiveUser(browser: Browser, password = "a-long-password-9"): Promise<string> {
  const email = uniqueEmail("user");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Test");
  await page.getByLabel("Achternaam").fill("Gebruiker");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByLabel("Herhaal wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();
  await page.goto(linkIn(await waitForMail(email), /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/));
  await page.getByLabel(SIGN_UP_PASSWORD.nl).fill(password);
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/activated=1/);
  await context.close();
  return email;
}

/**
 * Answers the open confirmation (components/forms/confirm-button.tsx) with its button named
 * `button` ("Cancel"/"Annuleren", or the action) and waits until the dialog has closed.
 */
export async function answerDialog(page: Page, button: string) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}
