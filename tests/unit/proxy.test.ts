import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { localizedPath } from "@/i18n/negotiate";

// DEMO_MODE as the proxy reads it (lib/server/env), switched per test.
const env = vi.hoisted(() => ({ DEMO_MODE: false }));
vi.mock("@/lib/server/env", () => ({ env }));

const request = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, "http://localhost:3000"), { headers });
const DUTCH = { "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" };
const ENGLISH = { "accept-language": "en-GB,en;q=0.9" };

/** Where the proxy sends a request: the path and query of its redirect, or null when it lets it through. */
function redirectOf(res: Response): string | null {
  const to = res.headers.get("location");
  if (!to) return null;
  expect(res.status).toBe(307);
  const url = new URL(to);
  return url.pathname + url.search;
}

describe("proxy: the language in the URL", () => {
  it("puts the negotiated language in front of a path without one", () => {
    expect(redirectOf(proxy(request("/garage", DUTCH)))).toBe("/nl/garage");
    expect(redirectOf(proxy(request("/garage?x=1", ENGLISH)))).toBe("/en/garage?x=1");
    expect(redirectOf(proxy(request("/", ENGLISH)))).toBe("/en");
    // A three-letter first segment is a page name, not a language.
    expect(redirectOf(proxy(request("/dev/mail", DUTCH)))).toBe("/nl/dev/mail");
  });

  it("replaces a language the portal does not speak instead of keeping it in the path", () => {
    expect(redirectOf(proxy(request("/de/garage", DUTCH)))).toBe("/nl/garage");
    expect(redirectOf(proxy(request("/es/garage/vehicles/abc?tab=2", ENGLISH)))).toBe("/en/garage/vehicles/abc?tab=2");
    expect(redirectOf(proxy(request("/de", DUTCH)))).toBe("/nl");
    // An earlier choice of language (the cookie) wins over the browser's.
    expect(redirectOf(proxy(request("/de/garage", { ...DUTCH, cookie: "NEXT_LOCALE=en" })))).toBe("/en/garage");
  });

  it("keeps a language the portal speaks, written differently, and a region it has no variant for keeps the language", () => {
    expect(redirectOf(proxy(request("/EN/garage", DUTCH)))).toBe("/en/garage");
    expect(redirectOf(proxy(request("/nl-be/garage", ENGLISH)))).toBe("/nl-BE/garage");
    expect(redirectOf(proxy(request("/nl_BE/garage", ENGLISH)))).toBe("/nl-BE/garage");
    expect(redirectOf(proxy(request("/fr-BE/sign-in", DUTCH)))).toBe("/fr/sign-in");
    expect(redirectOf(proxy(request("/nl-NL/sign-in", ENGLISH)))).toBe("/nl/sign-in");
  });

  it("lets French and Belgian Dutch through", () => {
    expect(redirectOf(proxy(request("/fr/garage", DUTCH)))).toBeNull();
    expect(redirectOf(proxy(request("/nl-BE/garage", ENGLISH)))).toBeNull();
  });

  it("negotiates French and Belgian Dutch from the browser's languages", () => {
    expect(redirectOf(proxy(request("/garage", { "accept-language": "fr-BE,fr;q=0.9,nl;q=0.5" })))).toBe("/fr/garage");
    expect(redirectOf(proxy(request("/garage", { "accept-language": "fr-FR" })))).toBe("/fr/garage");
    expect(redirectOf(proxy(request("/garage", { "accept-language": "nl-BE,nl;q=0.9,en;q=0.8" })))).toBe("/nl-BE/garage");
    expect(redirectOf(proxy(request("/garage", { "accept-language": "de-DE,nl-BE;q=0.5" })))).toBe("/nl-BE/garage");
    expect(redirectOf(proxy(request("/garage", DUTCH)))).toBe("/nl/garage");
    expect(redirectOf(proxy(request("/garage", { "accept-language": "nl" })))).toBe("/nl/garage");
    // The choice made earlier on the page (the cookie) keeps the variant.
    expect(redirectOf(proxy(request("/garage", { ...DUTCH, cookie: "NEXT_LOCALE=nl-BE" })))).toBe("/nl-BE/garage");
  });

  it("lets a path with a language through, with a nonce in its CSP", () => {
    const res = proxy(request("/en/doesnotexist", DUTCH));
    expect(redirectOf(res)).toBeNull();
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  });
});

describe("localizedPath", () => {
  it("treats only a two-letter first segment (with an optional region) as a language", () => {
    expect(localizedPath("/de", "en")).toBe("/en");
    expect(localizedPath("/de_CH/a/b", "nl")).toBe("/nl/a/b");
    expect(localizedPath("/fr_BE/a/b", "nl")).toBe("/fr/a/b");
    expect(localizedPath("/garage", "en")).toBe("/en/garage");
    expect(localizedPath("/fra/garage", "en")).toBe("/en/fra/garage");
    expect(localizedPath("/", "nl")).toBe("/nl");
  });
});

describe("proxy: the sign-in page in demo mode (docs/decisions/0041)", () => {
  // A build's prerendered HTML of the two sign-in variants, with one inline script each.
  const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
  const PLAIN = "self.__next_f.push([1,\"plain\"])";
  const DEMO = "self.__next_f.push([1,\"demo\"])";
  const cwd = process.cwd();
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "proxy-demo-"));
    mkdirSync(path.join(dir, "dist", "server", "app", "en"), { recursive: true });
    writeFileSync(path.join(dir, "dist", "server", "app", "en", "sign-in.html"), `<html><body><script>${PLAIN}</script></body></html>`);
    writeFileSync(path.join(dir, "dist", "server", "app", "en", "sign-in-demo.html"), `<html><body><script>${DEMO}</script></body></html>`);
    process.chdir(dir);
    process.env.NEXT_DIST_DIR = "dist";
  });
  afterAll(() => {
    process.chdir(cwd);
    delete process.env.NEXT_DIST_DIR;
  });
  afterEach(() => {
    env.DEMO_MODE = false;
  });

  /** The path and query the response serves instead of the one asked for, or null. */
  const rewriteOf = (res: Response) => {
    const to = res.headers.get("x-middleware-rewrite");
    return to ? new URL(to).pathname + new URL(to).search : null;
  };
  const csp = (res: Response) => res.headers.get("content-security-policy") ?? "";

  it("with DEMO_MODE serves the demo variant at the sign-in address, query kept, with that variant's hashes", () => {
    env.DEMO_MODE = true;
    for (const headers of [{}, { rsc: "1" }] as Record<string, string>[]) {
      // A page load, and a client navigation's request for the page's RSC payload alike.
      const res = proxy(request("/en/sign-in?next=%2Fen%2Fgarage&_rsc=abc", headers));
      expect(redirectOf(res)).toBeNull();
      expect(rewriteOf(res)).toBe("/en/sign-in-demo?next=%2Fen%2Fgarage&_rsc=abc");
      expect(csp(res)).toContain(`script-src 'self' ${sha(DEMO)};`);
      expect(csp(res)).not.toContain(sha(PLAIN));
      expect(csp(res)).not.toContain("nonce");
    }
  });

  it("without DEMO_MODE serves the plain sign-in page as built", () => {
    const res = proxy(request("/en/sign-in"));
    expect(rewriteOf(res)).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(csp(res)).toContain(`script-src 'self' ${sha(PLAIN)};`);
  });

  it("rewrites only sign-in", () => {
    env.DEMO_MODE = true;
    for (const p of ["/en", "/en/sign-up", "/en/forgot-password"]) expect(rewriteOf(proxy(request(p))), p).toBeNull();
  });

  it("sends a session cookie to /api/home first", () => {
    env.DEMO_MODE = true;
    const res = proxy(request("/en/sign-in?x=1", { cookie: "authjs.session-token=abc" }));
    expect(res.status).toBe(303);
    expect(rewriteOf(res)).toBeNull();
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname + to.search).toBe(`/api/home?to=${encodeURIComponent("/en/sign-in?x=1")}`);
  });

  it("answers the demo variant's own address with the sign-in address in demo mode, and with the 404 page without", () => {
    env.DEMO_MODE = true;
    expect(redirectOf(proxy(request("/en/sign-in-demo?next=%2Fen%2Fgarage")))).toBe("/en/sign-in?next=%2Fen%2Fgarage");
    expect(redirectOf(proxy(request("/fr/sign-in-demo")))).toBe("/fr/sign-in");

    env.DEMO_MODE = false;
    const res = proxy(request("/en/sign-in-demo"));
    expect(redirectOf(res)).toBeNull();
    // A path no page serves: [...rest] answers notFound(), rendered per request with the nonce.
    expect(rewriteOf(res)).toBe("/en/not-found");
    expect(csp(res)).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  });

  it("without a build (next dev) rewrites to the demo variant rendered per request, with the nonce", () => {
    env.DEMO_MODE = true;
    const res = proxy(request("/fr/sign-in"));
    expect(rewriteOf(res)).toBe("/fr/sign-in-demo");
    expect(csp(res)).toMatch(/'nonce-[\w+/=]+'/);
  });
});
