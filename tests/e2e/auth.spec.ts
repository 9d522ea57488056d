import { expect, test } from "./fixtures";
import pg from "pg";
import { createActiveUser, linkIn, SIGN_UP_PASSWORD, signIn, uniqueEmail, waitForMail } from "./support";

async function signUp(page: import("@playwright/test").Page, email: string, password = "a-long-password-1") {
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Eva");
  await page.getByLabel("Achternaam").fill("Jansen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByLabel("Herhaal wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByTestId("signup-done")).toContainText(email);
  // Only the message stays: the emptied form is gone.
  await expect(page.getByLabel("Voornaam")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Account aanmaken" })).toHaveCount(0);
}

test("sign up, activate from the e-mail, sign in and sign out", async ({ page }) => {
  const email = uniqueEmail("signup");
  await signUp(page, email);

  const mail = await waitForMail(email, (m) => m.subject.includes("Activeer"));
  const link = linkIn(mail, /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/);

  // Not active yet: signing in is refused with the same message as a wrong password.
  await page.goto("/nl/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("a-long-password-1");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByTestId("form-error")).toContainText("niet juist");

  // The link asks for the password typed at sign-up: whoever follows it without knowing it activates nothing.
  await page.goto(link);
  await page.getByLabel(SIGN_UP_PASSWORD.nl).fill("not-the-sign-up-password");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Het wachtwoord klopt niet");
  await expect(page.getByLabel(SIGN_UP_PASSWORD.nl)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Heb je je niet zelf aangemeld, of ben je het vergeten?")).toBeVisible();
  await page.getByLabel(SIGN_UP_PASSWORD.nl).fill("a-long-password-1");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?activated=1/);
  await expect(page.getByTestId("notice")).toBeVisible();

  await signIn(page, email, "a-long-password-1");
  await expect(page).toHaveURL(/\/nl\/garage$/);
  await expect(page.getByTestId("current-user")).toHaveText(email);

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?signedOut=1/);
  await page.goto("/nl/garage");
  await expect(page).toHaveURL(/\/nl\/sign-in/);

  // The activation link is single-use.
  await page.goto(link);
  await expect(page.getByTestId("link-state")).toContainText("al gebruikt");
});

test("a sign-up link followed by someone who did not sign up: they choose their own password, the sign-up's never signs in", async ({ page }) => {
  const email = uniqueEmail("not-me");
  await signUp(page, email, "a-strangers-password");
  await page.goto(linkIn(await waitForMail(email), /http:\/\/localhost:\d+\/nl\/activate\/su_[\w-]+/));
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page.getByLabel(SIGN_UP_PASSWORD.nl)).toHaveAttribute("aria-invalid", "true");

  await page.getByTestId("activate-switch").click();
  await expect(page).toHaveURL(/\?choose=1$/);
  await page.getByLabel("Nieuw wachtwoord").fill("the-owners-own-password");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?activated=1/);

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("a-strangers-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByTestId("form-error")).toContainText("niet juist");
  await signIn(page, email, "the-owners-own-password");
  await expect(page).toHaveURL(/\/nl\/garage$/);
});

test("signing up again for an address not activated yet changes nothing: the new link asks for a password", async ({ page }) => {
  const email = uniqueEmail("twice");
  await signUp(page, email, "the-first-password-1");
  const first = linkIn(await waitForMail(email), /http:\/\/localhost:\d+\/nl\/activate\/su_[\w-]+/);
  // Somebody signs up with the same address: the same answer, and the account keeps what it had.
  await signUp(page, email, "a-strangers-password");
  const choose = /http:\/\/localhost:\d+\/nl\/activate\/(?!su_)[\w-]+/;
  const second = linkIn(await waitForMail(email, (m) => choose.test(m.text)), choose);

  await page.goto(first);
  await expect(page.getByTestId("link-state")).toContainText("verlopen");
  await page.goto(second);
  await page.getByLabel("Nieuw wachtwoord").fill("the-owners-own-password");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?activated=1/);

  // Neither password typed at a sign-up works; the one chosen at activation does.
  for (const typed of ["a-strangers-password", "the-first-password-1"]) {
    await page.goto("/nl/sign-in");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(typed);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("form-error")).toContainText("niet juist");
  }
  await signIn(page, email, "the-owners-own-password");
  await expect(page).toHaveURL(/\/nl\/garage$/);
});

test("in demo mode the sign-in page says it is a demo, in Dutch and English", async ({ page, request }) => {
  // The e2e server runs with DEMO_MODE=true (scripts/serve-e2e.mjs).
  await page.goto("/nl/sign-in");
  await expect(page.getByTestId("demo-banner")).toContainText("Dit is een demo.");
  await expect(page.getByTestId("demo-banner")).toContainText("wachtwoord is openbaar");
  await page.goto("/en/sign-in");
  await expect(page.getByTestId("demo-banner")).toContainText("This is a demo.");

  // In the HTML served, not fetched once the page runs: the proxy serves the prerendered demo
  // variant at the sign-in address (docs/decisions/0041).
  const html = await (await request.get("/en/sign-in?next=%2Fen%2Fgarage")).text();
  expect(html).toContain('data-testid="demo-banner"');
  expect(html).toContain("owner@demo.autodossier.test");
  // Its language links, built into that HTML, name the sign-in address, not the variant's.
  expect(html).toMatch(/href="\/nl\/sign-in"/);
  expect(html).not.toMatch(/href="[^"]*sign-in-demo/);
  // A client navigation gets it too: the link's prefetch goes through the proxy as well.
  await page.goto("/en/sign-up");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByTestId("demo-banner")).toContainText("This is a demo.");
  // The variant has no address of its own: asked for by its name, it leads to the sign-in address.
  const direct = await request.get("/fr/sign-in-demo?next=%2Ffr%2Fgarage", { maxRedirects: 0 });
  expect(direct.status()).toBe(307);
  expect(direct.headers().location).toBe("/fr/sign-in?next=%2Ffr%2Fgarage");
  // A prefetch of it goes through the proxy too (without DEMO_MODE the proxy makes it the 404).
  const prefetch = await request.get("/fr/sign-in-demo", { maxRedirects: 0, headers: { "next-router-prefetch": "1", rsc: "1" } });
  expect(prefetch.status()).toBe(307);
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/nl/sign-in");
  await page.getByLabel("E-mailadres").fill("owner@demo.autodossier.test");
  await page.getByLabel("Wachtwoord").fill("not-the-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  const known = await page.getByTestId("form-error").textContent();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("owner@demo.autodossier.test");

  await page.getByLabel("E-mailadres").fill(uniqueEmail("nobody"));
  await page.getByLabel("Wachtwoord").fill("not-the-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(known ?? "");
  await expect(page).toHaveURL(/sign-in/);
});

test("field errors stand next to their fields and typed values are kept", async ({ page }) => {
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Eva");
  await page.getByLabel("E-mailadres").fill("not-an-address");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByText("Vul een geldig e-mailadres in", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Achternaam")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Voornaam")).toHaveValue("Eva");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("not-an-address");
});

test("forgot password: the reset link works once", async ({ page }) => {
  const email = uniqueEmail("reset");
  await signUp(page, email);
  await page.goto(linkIn(await waitForMail(email), /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/));
  await page.getByLabel(SIGN_UP_PASSWORD.nl).fill("a-long-password-1");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/activated=1/);

  await page.goto("/nl/forgot-password");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Link versturen" }).click();
  await expect(page.getByTestId("forgot-done")).toBeVisible();
  const resetMail = await waitForMail(email, (m) => /reset-password/.test(m.text));
  const link = linkIn(resetMail, /http:\/\/localhost:\d+\/nl\/reset-password\/[\w-]+/);
  await page.goto(link);
  await page.getByLabel("Nieuw wachtwoord").fill("another-long-password");
  await page.getByLabel("Herhaal wachtwoord").fill("another-long-password");
  await page.getByRole("button", { name: "Nieuw wachtwoord opslaan" }).click();
  await expect(page).toHaveURL(/reset=1/);
  await signIn(page, email, "another-long-password");
  await expect(page).toHaveURL(/\/nl\/garage$/);

  await page.goto(link);
  await expect(page.getByTestId("link-state")).toContainText("al gebruikt");
});

test("an expired activation link is refused", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "needs direct database access (PostgreSQL); the embedded database admits the server only");
  const email = uniqueEmail("expired");
  await signUp(page, email);
  const link = linkIn(await waitForMail(email), /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const res = await client.query(
      `UPDATE "AuthToken" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [email],
    );
    expect(res.rowCount).toBe(1);
  } finally {
    await client.end();
  }
  await page.goto(link);
  await expect(page.getByTestId("link-state")).toContainText("verlopen");
});

test("the account page names each device and signs another one out on its own", async ({ browser }) => {
  const password = "a-long-password-9";
  const email = await createActiveUser(browser, password);
  const laptop = await (await browser.newContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36" })).newPage();
  const phone = await (await browser.newContext()).newPage();
  await signIn(laptop, email, password);
  await signIn(phone, email, password);

  await laptop.goto("/nl/account");
  const sessions = laptop.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  // Named, never the raw user-agent; the one in use has no button of its own ("Uitloggen" is in the header).
  const here = sessions.filter({ hasText: "dit apparaat" });
  await expect(here.getByTestId("session-device")).toHaveText("Chrome op Windows");
  await expect(here.getByRole("button")).toHaveCount(0);
  await expect(laptop.getByTestId("sessions")).not.toContainText("Mozilla");

  await sessions.filter({ hasNotText: "dit apparaat" }).getByRole("button", { name: "Sessie beëindigen" }).click();
  await expect(laptop.getByTestId("notice")).toHaveText("Dat apparaat is uitgelogd.");
  await expect(sessions).toHaveCount(1);
  // The other device is signed out on its next request; this one stays signed in.
  await phone.goto("/nl/garage");
  await expect(phone).toHaveURL(/sign-in/);
  await laptop.goto("/nl/garage");
  await expect(laptop).toHaveURL(/\/nl\/garage$/);
});
