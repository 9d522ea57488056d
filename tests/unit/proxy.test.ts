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
