import { expect, test } from "@playwright/test";
import { answerDialog, createActiveUser, signIn } from "./support";

test("pages carry the security headers", async ({ request }) => {
  const res = await request.get("/nl/sign-in");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("the nonce CSP lets the app's own scripts run (forms work client-side)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/nl/sign-in");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax, and signed-in pages are not cached", async ({ page, context }) => {
  await signIn(page, "owner@demo.autodossier.test");
  const cookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  const res = await page.goto("/nl/garage");
  expect(res?.headers()["cache-control"]).toMatch(/private/);
  expect(res?.headers()["cache-control"]).toMatch(/no-store/);
});

test("a server action posted from a foreign origin is refused", async ({ page, request }) => {
  await page.goto("/nl/forgot-password");
  // Find the action id the page's form posts to.
  const [post] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    (async () => {
      await page.getByLabel("E-mailadres").fill("owner@demo.autodossier.test");
      await page.getByRole("button", { name: "Link versturen" }).click();
    })(),
  ]);
  const headers = post.headers();
  const replay = (origin: string) =>
    request.post("/nl/forgot-password", {
      headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], origin, accept: "text/x-component" },
      data: post.postDataBuffer() ?? "",
    });
  expect((await replay("https://evil.example")).status()).toBeGreaterThanOrEqual(400);
  // The same request from the portal's own origin goes through: the origin alone made the difference.
  expect((await replay(new URL(page.url()).origin)).status()).toBe(200);
});

test("next-auth's own sign-out route ends the session on the server, not only the cookie", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "owner@demo.autodossier.test");
  const cookies = await context.cookies();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  // The old cookie, kept by an attacker who copied it, no longer opens the garage.
  const replay = await browser.newContext();
  await replay.addCookies(cookies.filter((c) => c.name.includes("authjs.session-token")));
  const again = await replay.newPage();
  await again.goto(`${baseURL}/nl/garage`);
  await expect(again).toHaveURL(/\/nl\/sign-in/);
  await context.close();
  await replay.close();
});

test("sign out everywhere ends the other sessions on their next request", async ({ browser }) => {
  const email = await createActiveUser(browser, "a-long-password-3");
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, email, "a-long-password-3");
  await signIn(pb, email, "a-long-password-3");
  await pb.goto("/nl/account");
  await expect(pb.getByText("2 apparaten")).toBeVisible();

  await pa.goto("/nl/account");
  await pa.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(pa).toHaveURL(/signedOut=everywhere/);

  await pb.goto("/nl/garage");
  await expect(pb).toHaveURL(/\/nl\/sign-in/);
  await a.close();
  await b.close();
});

test("a disabled user is refused on the very next request", async ({ browser }) => {
  // A fresh user, so other tests' demo sessions are untouched.
  const admin = await (await browser.newContext()).newPage();
  const email = await createActiveUser(browser, "a-long-password-2");
  const user = await (await browser.newContext()).newPage();
  await signIn(user, email, "a-long-password-2");
  await expect(user).toHaveURL(/garage/);

  await signIn(admin, "admin@demo.autodossier.test");
  await admin.goto(`/nl/console/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByTestId("user-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Uitschakelen" }).click();
  await answerDialog(admin, "Account uitschakelen");
  await expect(row.getByRole("button", { name: "Inschakelen" })).toBeVisible();

  await user.goto("/nl/garage");
  await expect(user).toHaveURL(/\/nl\/sign-in/);
});
