import { NextResponse, type NextRequest } from "next/server";
import { localizedPath, negotiateLocale } from "./i18n/negotiate";
import { isLocale } from "./i18n/routing";

/**
 * Every page request: puts the language in the URL (/nl/..., /en/...), and sets a per-request
 * CSP nonce and the security headers (docs/decisions/0006-security-headers.md).
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

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-locale", first);
  requestHeaders.set("x-pathname", pathname + search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
