import { expect, test } from "./fixtures";

test.describe("English by Accept-Language", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  test("the root redirects to /en and the page is English", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

test("Dutch is the default, the switcher changes the language and it is kept", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/nl\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // The choice is remembered for URLs without a language.
  await page.goto("/sign-up");
  await expect(page).toHaveURL(/\/en\/sign-up$/);
  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Account aanmaken" })).toBeVisible();
});
