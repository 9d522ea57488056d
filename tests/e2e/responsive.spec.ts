import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("on a phone the navigation opens as a drawer", async ({ page }) => {
  await signIn(page, "owner@demo.autodossier.test");
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await expect(drawer).toBeVisible();
  // The browser's modal dialog: Escape closes it and the focus goes back to the menu button.
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/nl\/account$/);
  await expect(page.getByRole("heading", { name: "Mijn account", exact: true })).toBeVisible();
  // No horizontal scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** Horizontal overflow of the page, in CSS pixels (0: nothing to scroll sideways). */
const overflowOf = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [email, paths] of [
  ["owner@demo.autodossier.test", ["/nl/garage", "/nl/account", "/nl/garage/verifications/new", "/en/garage"]],
  ["dealer@demo.autodossier.test", ["/nl/console", "/nl/console/invitations", "/nl/console/invitations/new", "/nl/console/vehicles", "/nl/console/vehicles/verify", "/nl/console/verifications"]],
  ["garage@demo.autodossier.test", ["/nl/console/passports", "/nl/console/passports/new"]],
] as const) {
  test(`${email.split("@")[0]}'s pages fit a phone's width`, async ({ page }) => {
    await signIn(page, email);
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expect(await overflowOf(page), path).toBeLessThanOrEqual(0);
    }
    if (email.startsWith("dealer")) return;
    // A detail page too: the first car or passport of the list.
    const owner = email.startsWith("owner");
    await page.goto(owner ? "/nl/garage" : "/nl/console/passports");
    await page.getByTestId(owner ? "garage-vehicle" : "passport-row").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await overflowOf(page), page.url()).toBeLessThanOrEqual(0);
  });
}
