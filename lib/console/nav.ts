import { can, type Actor } from "../server/authz";

/** The console's sections, by what the actor may do. */
export function consoleNav(actor: Actor): { href: string; key: string }[] {
  const items: { href: string; key: string }[] = [{ href: "/console", key: "overview" }];
  if (can(actor, "organisations:manage")) {
    items.push({ href: "/console/admin/organisations", key: "organisations" });
    items.push({ href: "/console/admin/users", key: "users" });
  }
  items.push({ href: "/garage", key: "myGarage" });
  return items;
}
