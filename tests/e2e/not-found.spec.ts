import { expect, test, type Page } from "./fixtures";
import { signIn } from "./support";

/** Every console message about the Content Security Policy, and every uncaught page error, from now on. */
function watchErrors(page: Page) {
  const csp: string[] = [];
  const errors: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|nonce|Refused to (execute|load|apply)/i.test(m.text())) csp.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { csp, errors };
}

/** Every inline script of the page carries a nonce (the CSP runs only those), and the framework's scripts ran. */
async function expectScriptsRan(page: Page) {
  const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => (s as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.filter((n) => !n)).toEqual([]);
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
}

for (const [locale, title, home, signInLabel] of [
  ["nl", "Pagina niet gevonden", "Terug naar de startpagina", "Inloggen"],
  ["en", "Page not found", "Back to the start page", "Sign in"],
] as const) {
  test(`an unknown address under /${locale} shows the branded 404 in that language, with no CSP errors`, async ({ page }) => {
    const watch = watchErrors(page);
    for (const path of [`/${locale}/doesnotexist`, `/${locale}/garage/vehicles/abc/no/such/page`]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByText("404")).toBeVisible();
      await expect(page.getByRole("link", { name: "Autodossier" })).toBeVisible();
      await expect(page.getByRole("link", { name: signInLabel })).toBeVisible();
      await expectScriptsRan(page);
    }
    await page.getByRole("link", { name: home }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    expect(watch.csp).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
}

test("the 404's language switch leads to the same missing page in the other language", async ({ page }) => {
  const watch = watchErrors(page);
  await page.goto("/nl/doesnotexist");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/doesnotexist$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(watch.csp).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test("a signed-in user's 404 keeps them signed in and leads back to their own start page", async ({ page }) => {
  await signIn(page, "owner@demo.autodossier.test");
  const watch = watchErrors(page);
  expect((await page.goto("/nl/doesnotexist"))?.status()).toBe(404);
  await expect(page.getByTestId("current-user")).toHaveText("owner@demo.autodossier.test");
  await page.getByRole("link", { name: "Terug naar de startpagina" }).click();
  await expect(page).toHaveURL(/\/nl\/garage$/);
  expect(watch.csp).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test("a path outside every language shows the branded 404 in the browser's language; an unknown API path answers a plain 404", async ({ page, request }) => {
  const watch = watchErrors(page);
  // /apiary is not under /api, yet the proxy leaves it alone (its matcher skips every path starting with "api").
  expect((await page.goto("/apiary/x"))?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  expect(watch.csp).toEqual([]);
  expect(watch.errors).toEqual([]);

  const api = await request.get("/api/doesnotexist");
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toMatch(/^text\/plain/);
});

test.describe("a language the portal does not speak", () => {
  test("/de/garage goes to the negotiated language with the rest of the path", async ({ page, request }) => {
    const dutch = await request.get("/de/garage", { maxRedirects: 0, headers: { "accept-language": "nl-NL,nl;q=0.9" } });
    expect(dutch.status()).toBe(307);
    expect(new URL(dutch.headers()["location"]!, "http://x").pathname).toBe("/nl/garage");
    const english = await request.get("/de/garage?x=1", { maxRedirects: 0, headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(new URL(english.headers()["location"]!, "http://x").pathname + new URL(english.headers()["location"]!, "http://x").search).toBe("/en/garage?x=1");

    // In the browser (Dutch): on to sign-in, which brings the visitor back to /nl/garage.
    await page.goto("/de/garage");
    await expect(page).toHaveURL(/\/nl\/sign-in\?next=%2Fnl%2Fgarage$/);
  });
});
