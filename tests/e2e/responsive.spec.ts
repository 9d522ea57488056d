import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("on a phone the navigation opens as a drawer", async ({ page }) => {
  await signIn(page, "owner@demo.autodossier.test");
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/nl\/account$/);
  await expect(page.getByRole("heading", { name: "Mijn account" })).toBeVisible();
  // No horizontal scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
