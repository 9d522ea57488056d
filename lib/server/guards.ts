import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { can, type Actor, type Permission } from "./authz";
import { getActor } from "./session";

/**
 * For pages: the signed-in actor, or a redirect to sign-in (coming back here afterwards);
 * with a permission the actor lacks, the page does not exist (404).
 */
export async function requireActor(locale: string, permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const h = await headers();
    const path = h.get("x-pathname");
    redirect(`/${locale}/sign-in${path ? `?next=${encodeURIComponent(path)}` : ""}`);
  }
  if (permission && !can(actor, permission)) notFound();
  return actor;
}
