import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getActor } from "@/lib/server/session";
import { homePathFor } from "@/lib/server/authz";
import { isSessionCookie, staticPageOf } from "@/lib/server/static-pages";

/**
 * Where the proxy sends a visitor with a session cookie who asked for a prerendered signed-out
 * page (docs/decisions/0041): signed in, to the garage or the console in the page's language;
 * with a session that no longer counts (signed out elsewhere, expired, the user disabled), the
 * cookie is cleared and the page asked for follows. `to` is only ever such a page.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const to = new URL(url.searchParams.get("to") ?? "/", url.origin);
  const page = to.origin === url.origin ? staticPageOf(to.pathname) : null;
  const locale = page?.locale ?? "nl";
  const actor = await getActor();
  if (actor) return NextResponse.redirect(new URL(`/${locale}${homePathFor(actor)}`, url.origin), 303);
  const response = NextResponse.redirect(page ? to : new URL(`/${locale}`, url.origin), 303);
  for (const c of (await cookies()).getAll()) {
    if (isSessionCookie(c.name)) response.cookies.set(c.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: c.name.startsWith("__Secure-") });
  }
  return response;
}
