import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("the owner lands in the garage with two cars and cannot open the console", async ({ page }) => {
  await signIn(page, "owner@demo.autodossier.test");
  await expect(page).toHaveURL(/\/nl\/garage$/);
  await expect(page.getByTestId("garage-vehicle")).toHaveCount(2);
  await expect(page.getByText("WP0ZZZ99ZTS392124")).toBeVisible();
  await expect(page.getByText("GZ-231-K")).toBeVisible();
  const res = await page.goto("/nl/console");
  expect(res?.status()).toBe(404);
  const admin = await page.goto("/nl/console/admin/organisations");
  expect(admin?.status()).toBe(404);
});

for (const [email, testId, text, quick] of [
  ["dealer@demo.autodossier.test", "console-organisation", "Porsche Centrum Amsterdam", ["Nieuwe uitnodiging", "/nl/console/invitations/new"]],
  ["garage@demo.autodossier.test", "console-organisation", "Autobedrijf De Vries", ["Nieuw AutoPaspoort", "/nl/console/passports/new"]],
  ["support@demo.autodossier.test", "console-support", "Support", ["Overdrachten", "/nl/console/transfers"]],
  ["admin@demo.autodossier.test", "console-admin", "Beheer", null],
] as const) {
  test(`${email.split("@")[0]} lands in the console`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/nl\/console$/);
    const card = page.getByTestId(testId).first();
    await expect(card).toContainText(text);
    if (quick) {
      // The day's work is one click away from the console's home.
      await card.getByRole("link", { name: quick[0] }).click();
      await expect(page).toHaveURL(new RegExp(`${quick[1]}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
  });
}

test("staff without the admin role cannot reach organisation administration", async ({ page }) => {
  await signIn(page, "dealer@demo.autodossier.test");
  const res = await page.goto("/nl/console/admin/users");
  expect(res?.status()).toBe(404);
});

test("an organisation's admin manages its members from the console's home, and no other organisation's", async ({ page }) => {
  await signIn(page, "dealer@demo.autodossier.test");
  await page.getByTestId("console-organisation").first().getByRole("link", { name: "Medewerkers" }).click();
  await expect(page).toHaveURL(/\/nl\/console\/admin\/organisations\/demo-dealer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Porsche Centrum Amsterdam");
  await expect(page.getByTestId("member").filter({ hasText: "dealer@demo.autodossier.test" })).toBeVisible();
  const other = await page.goto("/nl/console/admin/organisations/demo-dealer-b");
  expect(other?.status()).toBe(404);
});

test("a signed-out visitor is sent to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/nl/account");
  await expect(page).toHaveURL(/\/nl\/sign-in\?next=%2Fnl%2Faccount/);
  await page.getByLabel("E-mailadres").fill("owner@demo.autodossier.test");
  await page.getByLabel("Wachtwoord").fill("demo-password-2026");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/nl\/account$/);
});
