import { Prisma } from "../../generated/prisma/client";
import { db } from "../server/db";
import { normalizePlate } from "../server/plate";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { hashToken } from "../server/tokens";

export type InvitationState = "sent" | "accepted" | "expired" | "revoked";

export function invitationState(i: { status: string; expiresAt: Date }, now = new Date()): InvitationState {
  if (i.status === "ACCEPTED") return "accepted";
  if (i.status === "REVOKED") return "revoked";
  return i.expiresAt <= now ? "expired" : "sent";
}

/** The dealers' invitations, newest first, cursor-paginated. */
export async function listInvitations(actor: Actor, opts: { cursor?: string; take?: number } = {}) {
  assertCan(actor, "invitations:manage");
  const take = Math.min(opts.take ?? 25, 100);
  const rows = await db.invitation.findMany({
    where: { organisationId: { in: organisationsWith(actor, "invitations:manage") } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      email: true,
      status: true,
      expiresAt: true,
      sentCount: true,
      lastSentAt: true,
      createdAt: true,
      organisation: { select: { name: true } },
      vehicle: { select: { vin: true, make: true, model: true, modelYear: true } },
      _count: { select: { contracts: true } },
    },
  });
  const page = rows.slice(0, take).map((r) => ({ ...r, state: invitationState(r) }));
  return { items: page, nextCursor: rows.length > take ? page[page.length - 1]?.id : undefined };
}

const INVITATION_PAGE_SELECT = {
  email: true,
  status: true,
  expiresAt: true,
  lastSentAt: true,
  organisation: { select: { name: true } },
  vehicle: { select: { make: true, model: true, modelYear: true, vin: true, holdings: { where: { kind: "OWNER", endedAt: null }, select: { id: true } } } },
  contracts: { where: { status: "PENDING" }, select: { product: true, durationMonths: true, autoRenew: true } },
} as const;

/**
 * What the invitation link shows, before anyone accepts it. A link that "Send again" replaced
 * reads as "superseded" (with the date of the newer e-mail) while the invitation is open, and as
 * the invitation's state once it is accepted or revoked.
 */
export async function getInvitationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const hash = hashToken(token);
  const current = await db.invitation.findUnique({ where: { tokenHash: hash }, select: INVITATION_PAGE_SELECT });
  const old = current ? null : await db.supersededInvitationLink.findUnique({ where: { tokenHash: hash }, select: { invitation: { select: INVITATION_PAGE_SELECT } } });
  const inv = current ?? old?.invitation;
  if (!inv) return null;
  const state = invitationState(inv);
  return {
    email: inv.email,
    state: old && (state === "sent" || state === "expired") ? ("superseded" as const) : state === "sent" && inv.vehicle.holdings.length ? ("taken" as const) : state,
    lastSentAt: inv.lastSentAt,
    dealer: inv.organisation.name,
    car: { make: inv.vehicle.make, model: inv.vehicle.model, modelYear: inv.vehicle.modelYear, vinEnd: inv.vehicle.vin.slice(-6) },
    contracts: inv.contracts,
  };
}

/** Exact e-mail look-up at the desk: an active account's name, nothing else and no listing. */
export async function lookupOwner(actor: Actor, email: string) {
  assertCan(actor, "vehicles:link");
  const u = await db.user.findUnique({ where: { email }, select: { firstName: true, lastName: true, status: true } });
  return u && u.status === "ACTIVE" ? { name: `${u.firstName} ${u.lastName}`.trim() } : null;
}

/**
 * The desk's VIN look-up: whether the car is known, and then as what it was recorded (make,
 * model, year, fuel), so staff check the certificate against it and do not describe it anew.
 * Nothing about who holds it.
 */
export async function lookupVehicle(actor: Actor, vin: string) {
  assertCan(actor, "vehicles:link");
  const v = await db.vehicle.findUnique({ where: { vin }, select: { make: true, model: true, modelYear: true, fuel: true } });
  return v ? { known: true as const, vin, ...v } : { known: false as const, vin };
}

const DEALER_VEHICLE_SELECT = {
  id: true,
  kind: true,
  startedAt: true,
  disconnectedAt: true,
  origin: true,
  user: { select: { email: true, firstName: true, lastName: true } },
  vehicle: { select: { id: true, vin: true, make: true, model: true, modelYear: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1 } } },
} as const;

/** A LIKE pattern that matches `text` at the start of a value (`%`, `_` and `\\` taken literally). */
function startsWithPattern(text: string) {
  return `${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * The statement behind a search term: the ids of the dealers' live OWNER/DRIVER links (`orgs`,
 * not empty) to the cars that match, newest first, 100 at most. Exported for bench/search-scale.ts,
 * which prints its plan.
 */
export function dealerSearchSql(orgs: string[], q: string) {
  const term = normalizePlate(q.trim());
  const email = q.trim().toLowerCase();
  const prefix = startsWithPattern(term);
  const reversed = startsWithPattern([...term].reverse().join(""));
  const inOrgs = Prisma.join(orgs);
  return Prisma.sql`
    SELECT h."id" FROM "Holding" h
    WHERE h."linkedByOrganisationId" IN (${inOrgs}) AND h."endedAt" IS NULL AND h."kind" IN ('OWNER', 'DRIVER')
      AND h."vehicleId" IN (
        SELECT v."id" FROM "Vehicle" v WHERE upper(v."vin") LIKE ${prefix}
        UNION SELECT v."id" FROM "Vehicle" v WHERE reverse(upper(v."vin")) LIKE ${reversed}
        UNION SELECT p."vehicleId" FROM "LicencePlate" p WHERE upper(p."plate") LIKE ${prefix}
        UNION SELECT e."vehicleId" FROM "User" u JOIN "Holding" e ON e."userId" = u."id"
          WHERE u."email" = ${email} AND e."linkedByOrganisationId" IN (${inOrgs}) AND e."endedAt" IS NULL AND e."kind" IN ('OWNER', 'DRIVER')
      )
    ORDER BY h."startedAt" DESC, h."id" DESC
    LIMIT 100`;
}

/**
 * The cars the actor's dealers linked, with their current link: the live OWNER and DRIVER
 * holdings a dealer of the actor linked, newest first, 100 at most.
 *
 * With a search term, only the cars that match: the VIN starts or ends with the term, a plate of
 * the car (current or earlier) starts with it (both compared as stored: upper-cased, without
 * spaces and dashes), or the term is the e-mail address of someone on one of those same
 * holdings (so a dealer finds only addresses it already sees in the list). The statement starts
 * from the matches, each read from a btree index (docs/decisions/0038, "Console search at
 * scale"), and only then keeps the actor's holdings of those cars; Prisma's query API cannot say
 * "ends with" through an index nor start from a union, hence the one raw statement, whose
 * parameters are bound, never spliced.
 */
export async function listDealerVehicles(actor: Actor, q = "") {
  assertCan(actor, "vehicles:link");
  const orgs = organisationsWith(actor, "vehicles:link");
  const live = { linkedByOrganisationId: { in: orgs }, endedAt: null, kind: { in: ["OWNER" as const, "DRIVER" as const] } };
  const term = normalizePlate(q.trim());
  if (!term) return db.holding.findMany({ where: live, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 100, select: DEALER_VEHICLE_SELECT });
  if (!orgs.length) return [];
  const found = await db.$queryRaw<{ id: string }[]>(dealerSearchSql(orgs, q));
  if (!found.length) return [];
  return db.holding.findMany({ where: { id: { in: found.map((r) => r.id) } }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: DEALER_VEHICLE_SELECT });
}
