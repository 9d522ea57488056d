import { expect, test, type Page } from "./fixtures";
import { linkIn, mailsTo, SIGN_UP_PASSWORD, signIn, uniqueEmail, waitForMail, type Mail } from "./support";

const PASSWORD = "a-long-password-7";
const ACTIVATION_LINK = /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/;
const isActivation = (m: Mail) => ACTIVATION_LINK.test(m.text);

/** A not-yet-activated account, made through the sign-up page; returns the link of its first e-mail. */
async function signUp(page: Page, email: string): Promise<string> {
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Noor");
  await page.getByLabel("Achternaam").fill("Bakker");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Herhaal wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();
  return linkIn(await waitForMail(email, isActivation), ACTIVATION_LINK);
}

/** Waits for the n-th activation e-mail to an address and returns its link. */
async function nthActivationLink(email: string, n: number): Promise<string> {
  await expect.poll(async () => (await mailsTo(email)).filter(isActivation).length, { timeout: 15_000 }).toBe(n);
  return linkIn((await mailsTo(email)).filter(isActivation)[n - 1]!, ACTIVATION_LINK);
}

/** The sign-in page's "did not get the activation e-mail?" form, sent for one address; returns the answer shown. */
async function requestActivation(page: Page, email: string): Promise<string> {
  await page.goto("/nl/sign-in");
  await page.getByRole("link", { name: "Vraag een nieuwe aan" }).click();
  await expect(page).toHaveURL(/\/nl\/resend-activation$/);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Activatielink versturen" }).click();
  const done = page.getByTestId("resend-activation-done");
  await expect(done).toBeVisible();
  return (await done.textContent()) ?? "";
}

/**
 * Follows an activation link: the sign-up's own link asks for the password typed at sign-up again,
 * every other link for a password chosen now.
 */
async function activate(page: Page, link: string) {
  await page.goto(link);
  await page.getByLabel(link.includes("/activate/su_") ? SIGN_UP_PASSWORD.nl : "Nieuw wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?activated=1/);
}

test("a not-activated account gets a new link from the sign-in page; an unknown address gets the same answer and no e-mail", async ({ page }) => {
  const email = uniqueEmail("resend");
  const first = await signUp(page, email);

  const unknown = uniqueEmail("nobody");
  const answerUnknown = await requestActivation(page, unknown);
  const answer = await requestActivation(page, email);
  expect(answer).toBe(answerUnknown);
  expect(answer).toContain("nog niet is geactiveerd");

  const second = await nthActivationLink(email, 2);
  expect(second).not.toBe(first);
  // The mail sender works in order: the known address's e-mail has gone out, so the unknown one would have too.
  expect(await mailsTo(unknown)).toEqual([]);

  // The first link no longer works, and says where to get a new one.
  await page.goto(first);
  await expect(page.getByTestId("link-state")).toContainText("verlopen");
  await page.getByRole("link", { name: "Vraag een nieuwe activatielink aan" }).click();
  await expect(page).toHaveURL(/\/nl\/resend-activation$/);

  await activate(page, second);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/nl\/garage$/);

  // An active account gets the same answer, and no new e-mail. Signed out first (the sign-out
  // lands on the sign-in page): a sign-in page asked for while it is under way shows the garage.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-in\?signedOut=1/);
  expect(await requestActivation(page, email)).toBe(answerUnknown);
  // The mail sender works in order: once the e-mail of a sign-up made afterwards has gone out, an
  // activation e-mail asked for before it would have gone out too.
  await signUp(page, uniqueEmail("resend-after"));
  expect((await mailsTo(email)).filter(isActivation)).toHaveLength(2);
});

test("support resends an activation from the user list; the button is on not-activated accounts only", async ({ browser }) => {
  const signUpPage = await (await browser.newContext()).newPage();
  const email = uniqueEmail("support-resend");
  const first = await signUp(signUpPage, email);

  const support = await (await browser.newContext()).newPage();
  await signIn(support, "support@demo.autodossier.test");
  await support.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Gebruikers" }).click();
  await expect(support).toHaveURL(/\/nl\/console\/admin\/users$/);
  await support.getByRole("search").getByRole("textbox").fill(email);
  await support.getByRole("search").getByRole("button", { name: "Zoeken" }).click();
  const row = support.getByTestId("user-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  // Support does not enable or disable accounts: that stays with platform admins.
  await expect(support.getByRole("button", { name: /Uitschakelen|Inschakelen/ })).toHaveCount(0);
  await row.getByRole("button", { name: "Activatiemail opnieuw sturen" }).click();
  await expect(row.getByTestId("activation-resent")).toBeVisible();

  const second = await nthActivationLink(email, 2);
  expect(second).not.toBe(first);
  await activate(signUpPage, second);

  // Once active, the row has no resend button.
  await support.reload();
  await expect(row.getByText("Actief")).toBeVisible();
  await expect(row.getByRole("button", { name: "Activatiemail opnieuw sturen" })).toHaveCount(0);
});
