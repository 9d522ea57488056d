import { NotFoundPage } from "@/components/shell/not-found-page";
import { cookies } from "next/headers";
import { getActor } from "@/lib/server/session";
import { isSessionCookie } from "@/lib/server/static-pages";
import { homePathFor } from "@/lib/server/authz";

/**
 * notFound() anywhere under a language, and every path no page serves ([...rest]/page.tsx).
 * Reading the cookies makes it render per request, so Next.js gives its inline scripts the
 * request's CSP nonce (a page prerendered at build time has none, and the CSP refuses them).
 */
export default async function NotFound() {
  // Without a session cookie nobody is signed in: no session to read (and none at build time,
  // when Next renders this page along with each prerendered one, docs/decisions/0041).
  const signedIn = (await cookies()).getAll().some((c) => isSessionCookie(c.name));
  const actor = signedIn ? await getActor() : null;
  return <NotFoundPage user={actor} home={actor ? homePathFor(actor) : "/"} />;
}
