import type { Messages } from "../../i18n/messages";
import { can, type Actor } from "../server/authz";
import { isFleetMember } from "../fleet/access";

/** A console section: its path and its label's key under `nav.`. */
type NavItem = { href: string; key: keyof Messages["nav"] };

/** The console's sections, by what the actor may do. */
export function consoleNav(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/console", key: "overview" }];
  if (can(actor, "invitations:manage")) items.push({ href: "/console/invitations", key: "invitations" });
  if (can(actor, "vehicles:link")) items.push({ href: "/console/vehicles", key: "vehicles" });
  if (can(actor, "verification:review")) items.push({ href: "/console/verifications", key: "verifications" });
  if (can(actor, "passports:manage")) items.push({ href: "/console/passports", key: "passports" });
  if (can(actor, "passports:manage")) items.push({ href: "/console/unlink-requests", key: "unlinkRequests" });
  if (isFleetMember(actor)) items.push({ href: "/console/fleet", key: "fleet" });
  if (can(actor, "service:record")) items.push({ href: "/console/dossier", key: "dossier" });
  if (can(actor, "service:record")) items.push({ href: "/console/appointments", key: "appointments" });
  if (can(actor, "transfers:correct")) items.push({ href: "/console/transfers", key: "transfers" });
  if (can(actor, "handovers:decide")) items.push({ href: "/console/handovers", key: "handovers" });
  if (can(actor, "recalls:register")) items.push({ href: "/console/recalls", key: "recalls" });
  if (can(actor, "organisations:manage")) items.push({ href: "/console/admin/organisations", key: "organisations" });
  if (can(actor, "users:assist")) items.push({ href: "/console/admin/users", key: "users" });
  items.push({ href: "/garage", key: "myGarage" });
  return items;
}
