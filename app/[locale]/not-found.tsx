import { NotFoundPage } from "@/components/shell/not-found-page";
import { getActor } from "@/lib/server/session";
import { homePathFor } from "@/lib/server/authz";

/**
 * notFound() anywhere under a language, and every path no page serves ([...rest]/page.tsx).
 * Reading the session makes it render per request, so Next.js gives its inline scripts the
 * request's CSP nonce (a page prerendered at build time has none, and the CSP refuses them).
 */
export default async function NotFound() {
  const actor = await getActor();
  return <NotFoundPage user={actor} home={actor ? homePathFor(actor) : "/"} />;
}
