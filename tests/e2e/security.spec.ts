import { expect, test } from "./fixtures";
import { createHash } from "node:crypto";
import { answerDialog, createActiveUser, signIn } from "./support";

test("pages carry the security headers", async ({ request }) => {
  const res = await request.get("/nl/forgot-password");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("a prerendered page's CSP allows exactly its own inline scripts, by hash, and no nonce", async ({ request }) => {
  for (const path of ["/nl", "/en/sign-in", "/fr/sign-up"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const csp = res.headers()["content-security-policy"];
    expect(csp, path).toContain("frame-ancestors 'none'");
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    const listed = new Set(scriptSrc.split(" ").filter((s) => s.startsWith("'sha256-")));
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script/gi)].map((m) => m[1]);
    expect(inline.length, path).toBeGreaterThan(0);
    for (const body of inline) expect(listed.has(`'sha256-${createHash("sha256").update(body).digest("base64")}'`), `${path}: ${body.slice(0, 60)}`).toBe(true);
    expect(res.headers()["cache-control"], path).toMatch(/no-store/);
  }
});

test("the CSP lets the app's own scripts run, on a prerendered page and on one rendered per request", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  // The notice renders in the browser only (it reads the query string): visible, the page's
  // scripts ran under the page's CSP.
  await page.goto("/nl/sign-in?activated=1");
  await expect(page.getByTestId("notice")).toHaveText("Je account is actief. Je kunt nu inloggen.");
  // The query goes along, also from a prerendered page (built without one).
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/sign-in\?activated=1$/);
  await page.goto("/en/forgot-password");
  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl\/forgot-password$/);
  expect(violations).toEqual([]);
});

test("signed in, the prerendered pages send you home; with a session that no longer counts, the stale cookie goes", async ({ browser }) => {
  const email = await createActiveUser(browser, "a-long-password-4");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, "a-long-password-4");
  for (const path of ["/nl", "/nl/sign-in", "/en/sign-up"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/${path.split("/")[1]}/garage$`));
  }
  // The same cookie after its session ended: the page asked for, and the cookie cleared.
  const cookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"))!;
  const other = await browser.newContext();
  await other.addCookies([cookie]);
  const stale = await other.newPage();
  await page.goto("/nl/account");
  await page.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(page).toHaveURL(/signedOut=everywhere/);
  await stale.goto("/nl/sign-in?next=%2Fnl%2Fgarage");
  await expect(stale).toHaveURL(/\/nl\/sign-in\?next=%2Fnl%2Fgarage$/);
  await expect(stale.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  expect((await other.cookies()).filter((c) => c.name.includes("authjs.session-token"))).toEqual([]);
  await other.close();
  await context.close();
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
