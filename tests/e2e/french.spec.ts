/**
 * The portal in French and in Belgian Dutch (issue 14 point 8, docs/decisions/0032): the garage, a
 * car, the console and an e-mail in French; French negotiated from the browser; a Belgian Dutch
 * reader sees "nummerplaat" and "inschrijvingsbewijs" where a reader in the Netherlands sees
 * "kenteken" and "kentekenbewijs". Demo accounts: owner-fr (French), owner-be (Belgian Dutch),
 * dealer-b (Porsche Centre Bruxelles).
 */
import { expect, test, type Browser, type Page } from "./fixtures";
import { DEMO_PASSWORD, linkIn, uniqueEmail, waitForMail } from "./support";

const OWNER_FR = "owner-fr@demo.autodossier.test";
const OWNER_BE = "owner-be@demo.autodossier.test";
const OWNER_NL = "owner@demo.autodossier.test";
const DEALER_B = "dealer-b@demo.autodossier.test";

const SIGN_IN = {
  fr: { email: "Adresse e-mail", password: "Mot de passe", submit: "Se connecter" },
  nl: { email: "E-mailadres", password: "Wachtwoord", submit: "Inloggen" },
  "nl-BE": { email: "E-mailadres", password: "Wachtwoord", submit: "Inloggen" },
  en: { email: "E-mail address", password: "Password", submit: "Sign in" },
} as const;

async function signIn(page: Page, email: string, locale: keyof typeof SIGN_IN) {
  const l = SIGN_IN[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(l.email).fill(email);
  await page.getByLabel(l.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: l.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

async function signedIn(browser: Browser, email: string, locale: keyof typeof SIGN_IN) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, locale);
  return page;
}

/** The visible lines of the page's main part. */
async function lines(page: Page): Promise<string[]> {
  return (await page.locator("main").innerText())
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The lines a French page shares with the same page in English that are sentences or labels (two
 * words or more, not data): a text the French messages do not cover.
 */
async function englishLeft(page: Page, path: string, data: RegExp): Promise<string[]> {
  await page.goto(`/en${path}`);
  const en = new Set(await lines(page));
  await page.goto(`/fr${path}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  return (await lines(page)).filter((l) => en.has(l) && /[a-z]{2,} [a-z]{2,}/i.test(l) && !data.test(l));
}

test("the garage and a car in French, with French dates, numbers and no English left", async ({ browser }) => {
  const page = await signedIn(browser, OWNER_FR, "fr");
  await page.goto("/fr/garage");
  await expect(page.getByRole("heading", { name: "Mon garage" })).toBeVisible();
  const car = page.getByRole("link", { name: /Porsche Macan/ });
  await expect(page.getByText("Plaque d’immatriculation").first()).toBeVisible();
  await expect(page.getByText("VIN (numéro de châssis)").first()).toBeVisible();
  await expect(page.getByText(/2 contrats actifs/)).toBeVisible();

  await car.click();
  await expect(page).toHaveURL(/\/fr\/garage\/vehicles\//);
  await expect(page.getByRole("heading", { name: "Contrats et abonnements" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Détails" })).toBeVisible();
  await expect(page.getByText("Services connectés", { exact: true })).toBeVisible();
  await expect(page.getByText(/· renouvellement automatique$/i).first()).toBeVisible();
  await expect(page.getByText(/· pas de renouvellement automatique$/i).first()).toBeVisible();
  // A Belgian plate as printed, the mileage and dates as French writes them.
  await expect(page.getByTestId("plate").first()).toHaveText("1-XKP-482");
  await expect(page.locator("main")).toContainText(/47\s900\skm/);
  await expect(page.locator("main")).toContainText(/\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/);
  await expect(page.getByText("Grand entretien").first()).toBeVisible();

  const carPath = new URL(page.url()).pathname.replace(/^\/fr/, "");
  const data = /Porsche|Macan|WP1ZZZ959MLB40731|1-XKP-482|Élodie|Lambert|Bruxelles|Brussel|Entretien|Huile|Filtre|Bougies|Liquide|Contrôle technique|Approuvé/;
  expect(await englishLeft(page, "/garage", data), "English text on the French garage").toEqual([]);
  expect(await englishLeft(page, carPath, data), "English text on the French car page").toEqual([]);
  await page.context().close();
});

test("the console in French for the Brussels dealer", async ({ browser }) => {
  const page = await signedIn(browser, DEALER_B, "fr");
  await page.goto("/fr/console");
  await expect(page.getByText("Bienvenue, Camille Dubois.")).toBeVisible();
  await expect(page.getByText("Concessionnaire").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Nouvelle invitation" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Vérifier au comptoir" }).first()).toBeVisible();

  await page.goto("/fr/console/vehicles/verify");
  await expect(page.getByRole("heading", { name: "Vérifier au comptoir" })).toBeVisible();
  await expect(page.getByText("Certificat d’immatriculation").first()).toBeVisible();

  const data = /Porsche|Centre|Bruxelles|Camille|Dubois/;
  expect(await englishLeft(page, "/console", data), "English text on the French console").toEqual([]);
  expect(await englishLeft(page, "/console/vehicles/verify", data), "English text on the French desk page").toEqual([]);
  await page.context().close();
});

test("signing up in French: the e-mail is French, its link opens in French, the account stays French", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("francais");
  const password = "un-mot-de-passe-9";
  await page.goto("/fr/sign-up");
  await expect(page.getByRole("heading", { name: "Créer un compte" })).toBeVisible();
  await page.getByLabel("Prénom").fill("Lou");
  await page.getByLabel("Nom", { exact: true }).fill("Martin");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Répétez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByTestId("signup-done")).toContainText("C’est presque fini");

  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Activez votre compte Autodossier");
  expect(mail.text).toContain("Bonjour Lou,");
  expect(mail.text).toContain("Le lien est valable 72 heures");
  expect(mail.text).toContain("vous recevez cet e-mail parce qu’un compte Autodossier a été demandé");
  expect(mail.html).toMatch(/<html[^>]*lang="fr"/);

  await page.goto(linkIn(mail, /http:\/\/localhost:\d+\/fr\/activate\/[\w-]+/));
  await expect(page.getByRole("heading", { name: "Activer votre compte" })).toBeVisible();
  await page.getByLabel("Le mot de passe choisi lors de l’inscription").fill(password);
  await page.getByRole("button", { name: "Activer le compte" }).click();
  await expect(page).toHaveURL(/\/fr\/sign-in\?activated=1/);
  await expect(page.getByText("Votre compte est activé.")).toBeVisible();

  // The account's language is French: a password reset asked from the English page comes in French.
  await page.goto("/en/forgot-password");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send link" }).click();
  const reset = await waitForMail(email, (m) => m.subject !== mail.subject);
  expect(reset.subject).toBe("Choisissez un nouveau mot de passe");
  expect(reset.text).toMatch(/Choisir un nouveau mot de passe: http:\/\/localhost:\d+\/fr\/reset-password\//);
  await context.close();
});

test.describe("French negotiated from the browser", () => {
  test.use({ locale: "fr-BE", extraHTTPHeaders: { "Accept-Language": "fr-BE,fr;q=0.9,nl;q=0.5" } });
  test("the root opens in French, and the switcher offers the other languages", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/fr$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
    await page.getByRole("link", { name: "Nederlands" }).click();
    await expect(page).toHaveURL(/\/nl$/);
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/\/fr$/);
  });
});

test.describe("Belgian Dutch", () => {
  test.use({ locale: "nl-BE", extraHTTPHeaders: { "Accept-Language": "nl-BE,nl;q=0.9,fr;q=0.5" } });

  test("a browser asking for nl-BE gets /nl-BE/, and the switcher keeps the Belgian variant", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/nl-BE\/sign-in$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await page.getByRole("link", { name: "Nederlands" }).click();
    await expect(page).toHaveURL(/\/nl\/sign-in$/);
  });

  test("a Belgian Dutch owner reads nummerplaat and inschrijvingsbewijs, a Dutch owner kenteken", async ({ browser }) => {
    const be = await signedIn(browser, OWNER_BE, "nl-BE");
    await be.goto("/nl-BE/garage");
    await expect(be.getByText("Nummerplaat").first()).toBeVisible();
    await expect(be.locator("main")).not.toContainText(/kenteken/i);
    await be.getByRole("link", { name: /Volkswagen Golf/ }).click();
    await expect(be.getByTestId("plate").first()).toHaveText("2-GLF-317");
    await expect(be.getByText("Nummerplaat").first()).toBeVisible();
    await expect(be.locator("main")).not.toContainText(/kenteken/i);
    await be.goto("/nl-BE/garage/verifications/new");
    await expect(be.getByText("Inschrijvingsbewijs").first()).toBeVisible();
    await expect(be.locator("main")).not.toContainText(/kenteken/i);
    // The switcher's Dutch stays Belgian.
    await expect(be.getByRole("link", { name: "Nederlands (België)" })).toHaveAttribute("href", /^\/nl-BE\//);
    await be.context().close();

    const nl = await signedIn(browser, OWNER_NL, "nl");
    await nl.goto("/nl/garage");
    await expect(nl.getByText("Kenteken").first()).toBeVisible();
    await expect(nl.locator("main")).not.toContainText(/nummerplaat/i);
    await nl.goto("/nl/garage/verifications/new");
    await expect(nl.getByText("Kentekenbewijs").first()).toBeVisible();
    await nl.context().close();
  });

  test("Belgian Dutch staff read nummerplaat at the desk", async ({ browser }) => {
    const page = await signedIn(browser, DEALER_B, "nl-BE");
    await page.goto("/nl-BE/console/vehicles/verify");
    await expect(page.getByText("Inschrijvingsbewijs").first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/kenteken/i);
    await page.context().close();
  });
});
