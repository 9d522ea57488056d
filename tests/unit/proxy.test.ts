import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { localizedPath } from "@/i18n/negotiate";

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
    expect(redirectOf(proxy(request("/fr/garage", DUTCH)))).toBe("/nl/garage");
    expect(redirectOf(proxy(request("/fr/garage/vehicles/abc?tab=2", ENGLISH)))).toBe("/en/garage/vehicles/abc?tab=2");
    expect(redirectOf(proxy(request("/de", DUTCH)))).toBe("/nl");
    expect(redirectOf(proxy(request("/fr-BE/sign-in", DUTCH)))).toBe("/nl/sign-in");
    // An earlier choice of language (the cookie) wins over the browser's.
    expect(redirectOf(proxy(request("/fr/garage", { ...DUTCH, cookie: "NEXT_LOCALE=en" })))).toBe("/en/garage");
  });

  it("keeps a language the portal speaks, written differently", () => {
    expect(redirectOf(proxy(request("/EN/garage", DUTCH)))).toBe("/en/garage");
    expect(redirectOf(proxy(request("/nl-BE/garage", ENGLISH)))).toBe("/nl/garage");
  });

  it("lets a path with a language through, with a nonce in its CSP", () => {
    const res = proxy(request("/en/doesnotexist", DUTCH));
    expect(redirectOf(res)).toBeNull();
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  });
});

describe("localizedPath", () => {
  it("treats only a two-letter first segment (with an optional region) as a language", () => {
    expect(localizedPath("/fr", "en")).toBe("/en");
    expect(localizedPath("/fr_BE/a/b", "nl")).toBe("/nl/a/b");
    expect(localizedPath("/garage", "en")).toBe("/en/garage");
    expect(localizedPath("/fra/garage", "en")).toBe("/en/fra/garage");
    expect(localizedPath("/", "nl")).toBe("/nl");
  });
});
