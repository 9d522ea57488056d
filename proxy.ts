import { NextResponse, type NextRequest } from "next/server";
import { localizedPath, negotiateLocale } from "./i18n/negotiate";
import { isLocale } from "./i18n/routing";
import { env } from "./lib/server/env";
import { inlineScriptHashes, isSessionCookie, staticPageOf } from "./lib/server/static-pages";

/**
 * Every page request: puts the language in the URL (/nl/..., /en/...), and sets the CSP (a
 * per-request nonce, or for a prerendered page the hashes of its scripts) and the security
 * headers (docs/decisions/0006-security-headers.md, 0041-prerendered-public-pages.md).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];

  if (!isLocale(first)) {
    const locale = negotiateLocale(request.headers.get("accept-language"), request.cookies.get("NEXT_LOCALE")?.value);
    const url = request.nextUrl.clone();
    url.pathname = localizedPath(pathname, locale);
    url.search = search;
    return NextResponse.redirect(url);
  }

  // The sign-in page with the demo accounts has no address of its own: it is served at
  // /<locale>/sign-in (below). Asked for by its name (its built HTML's language links point
  // there), it leads to that address with DEMO_MODE, and is a page that does not exist without:
  // /<locale>/not-found is none either, so [...rest] renders the branded 404 (docs/decisions/0041).
  if (DEMO_SIGN_IN.test(pathname)) {
    if (!env.DEMO_MODE) return nonceResponse(request, first, `/${first}/not-found`);
    return NextResponse.redirect(withPath(request, `/${first}/sign-in`));
  }

  // The prerendered signed-out pages (docs/decisions/0041).
  const prerendered = staticPageOf(pathname);
  if (prerendered && request.cookies.getAll().some((c) => isSessionCookie(c.name))) {
    // Maybe signed in: /api/home decides (home, or the page with the stale cookie cleared).
    const url = request.nextUrl.clone();
    url.pathname = "/api/home";
    url.search = `?to=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url, 303);
  }
  // With DEMO_MODE (a setting of the running portal, not of the build) the sign-in address
  // serves the variant that shows the demo accounts, for page loads and client navigations alike.
  const rewrite = prerendered?.page === "/sign-in" && env.DEMO_MODE ? `/${first}/sign-in-demo` : null;
  // Served as built, with the hashes of its inline scripts; under `next dev` nothing is
  // prerendered (no file), and the page renders per request with the nonce.
  const hashes = prerendered ? inlineScriptHashes(rewrite ?? pathname.replace(/\/$/, "")) : null;
  if (hashes) return finish(request, rewrite ? NextResponse.rewrite(withPath(request, rewrite)) : NextResponse.next(), first, staticCsp(hashes));
  return nonceResponse(request, first, rewrite);
}

/** `/en/sign-in-demo`: the prerendered sign-in page with the demo accounts, by its own address. */
const DEMO_SIGN_IN = /^\/[^/]+\/sign-in-demo\/?$/;

/** The request's URL, query string included, with another path. */
function withPath(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return url;
}

const COMMON_CSP = [
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * A prerendered page has no nonce: its inline scripts are allowed by their hashes, Next's own
 * script files by 'self' (without 'strict-dynamic', which would ignore 'self').
 */
function staticCsp(hashes: string[]): string {
  return ["default-src 'self'", `script-src 'self' ${hashes.join(" ")}`, ...COMMON_CSP].join("; ");
}

/**
 * Every other page renders per request, its scripts carrying the request's nonce; `rewrite`, the
 * path to render instead of the one asked for (an unknown one shows the branded 404).
 */
function nonceResponse(request: NextRequest, first: string, rewrite?: string | null) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = ["default-src 'self'", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, ...COMMON_CSP].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-locale", first);
  requestHeaders.set("x-pathname", pathname + search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = rewrite ? NextResponse.rewrite(withPath(request, rewrite), { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  return finish(request, response, first, csp);
}

function finish(request: NextRequest, response: NextResponse, first: string, csp: string) {
  response.headers.set("Content-Security-Policy", csp);
  if (request.cookies.get("NEXT_LOCALE")?.value !== first) {
    response.cookies.set("NEXT_LOCALE", first, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  }
  // Nothing behind a sign-in is stored by a browser or a shared cache.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|icons.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
    // Prefetches too for sign-in, which is one of two prerendered pages depending on DEMO_MODE: a
    // link's prefetch that skipped the rewrite would fetch the plain page for the navigation.
    "/:locale/sign-in",
    // And its demo variant's own address, prefetch or not: without DEMO_MODE it must be the 404,
    // never the prerendered file with the demo accounts.
    "/:locale/sign-in-demo",
  ],
};
