import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { hashToken } from "../server/tokens";
import { checkPlate, nlSidecode, normalizePlate } from "../vehicles/plate";
import { checkVin } from "../vehicles/vin";
import { totalCents } from "./amount";
import { inCurrentPeriod, passportScope, staffGarages } from "./common";

const PAGE = 25;
const currentPlate = { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" as const } };

export type StockView = "stock" | "customers";

/** Page size of the stock list; `pageSize` (1–100) only for tests and tools. */
export const STOCK_PAGE_SIZE = PAGE;

/**
 * The garage's passports, newest first, cursor-paginated: "stock" holds the cars the garage
 * still holds, "customers" those transferred to a buyer with the service relationship running.
 * Search by plate (dashes optional), VIN, make or model.
 */
export async function listPassports(actor: Actor, opts: { q?: string; cursor?: string; view?: StockView; pageSize?: number } = {}) {
  const garages = staffGarages(actor);
  const q = (opts.q ?? "").trim().slice(0, 60);
  const term = normalizePlate(q);
  const size = Math.min(Math.max(Math.trunc(opts.pageSize ?? PAGE), 1), 100);
  const stockHolding = { kind: "STOCK" as const, endedAt: null, organisationId: { in: garages } };
  const find = (search: "exact" | "substring") =>
    db.passport.findMany({
      where: {
        ...passportScope(actor),
        vehicle: {
          ...(opts.view === "customers" ? { holdings: { none: stockHolding } } : { holdings: { some: stockHolding } }),
          ...(q ? searchFilter(q, term, search) : {}),
        },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: size + 1,
      ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
      select: {
        id: true,
        status: true,
        createdAt: true,
        contactName: true,
        fleetAccount: { select: { name: true } },
        garage: { select: { name: true } },
        vehicle: { select: { vin: true, make: true, model: true, modelYear: true, plates: currentPlate } },
        transfers: { where: { status: "PENDING" }, select: { email: true, expiresAt: true }, take: 1 },
        _count: { select: { costItems: true } },
      },
    });
  // A complete plate is looked up exactly (one indexed query, the common case); when that finds
  // nothing it is searched as a substring too (a part of a VIN can look like a plate). Later
  // pages of a plate search use the substring search: a superset in the same order, so no gaps.
  const plateLike = !!q && isCompletePlate(q, term);
  let rows = await find(plateLike && opts.cursor ? "substring" : "exact");
  if (plateLike && !opts.cursor && rows.length === 0) rows = await find("substring");
  const items = rows.slice(0, size).map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    garage: r.garage.name,
    fleetAccount: r.fleetAccount?.name ?? null,
    contactName: opts.view === "customers" ? r.contactName : null,
    make: r.vehicle.make,
    model: r.vehicle.model,
    modelYear: r.vehicle.modelYear,
    vin: r.vehicle.vin,
    plate: r.vehicle.plates[0] ?? null,
    pending: r.transfers[0] ?? null,
  }));
  return { items, nextCursor: rows.length > size ? items[items.length - 1]?.id : undefined };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** The stored plates of a country that `term` is a complete plate of, by its letter/digit pattern. */
function plateCountries(term: string): ("NL" | "BE")[] {
  return [...(nlSidecode(term) ? (["NL"] as const) : []), ...(checkPlate(term, "BE").ok ? (["BE"] as const) : [])];
}

/**
 * A complete plate as typed, and every longer valid plate that contains it: "ABC123" (an older
 * Belgian plate) is also the end of 1-ABC-123 and 2-ABC-123, "1BDF23" (Dutch sidecode 8) the
 * start of 1-BDF-230…239. Plates have at most 7 characters, so these are few; all are looked up
 * by equality through the (country, plate) index.
 */
function plateLookup(term: string): { country: "NL" | "BE"; plate: string | { in: string[] } }[] {
  const exact = plateCountries(term).map((country) => ({ country, plate: term }));
  if (!exact.length) return [];
  const longer: Record<"NL" | "BE", string[]> = { NL: [], BE: [] };
  for (const c of ALNUM) {
    for (const candidate of [c + term, term + c]) for (const country of plateCountries(candidate)) longer[country].push(candidate);
  }
  const around = (["NL", "BE"] as const).filter((country) => longer[country].length).map((country) => ({ country, plate: { in: longer[country] } }));
  return [...exact, ...around];
}

/**
 * The search. A complete VIN or plate (what staff type at the desk) is looked up by equality,
 * through the indexes; a plate also finds the longer plates that contain it. When that finds
 * nothing, and for anything else, it is a substring of the VIN, the current plate, the make or
 * the model, which reads every passport of the garage (see bench/run.ts).
 */
function searchFilter(q: string, term: string, mode: "exact" | "substring") {
  if (mode === "exact") {
    const vin = checkVin(q);
    if (vin.ok) return { vin: vin.vin };
    const plates = plateLookup(term);
    if (plates.length) return { plates: { some: { validTo: null, OR: plates } } };
  }
  return {
    OR: [
      { vin: { contains: term } },
      { plates: { some: { plate: { contains: term }, validTo: null } } },
      { model: { contains: q, mode: "insensitive" as const } },
      { make: { contains: q, mode: "insensitive" as const } },
    ],
  };
}

/** A complete plate, and not a VIN. */
function isCompletePlate(q: string, term: string): boolean {
  return !checkVin(q).ok && plateCountries(term).length > 0;
}

/** The fleet accounts of the actor's garages, for linking a passport. */
export async function fleetAccountsFor(actor: Actor) {
  const garages = staffGarages(actor);
  return db.organisation.findMany({ where: { kind: "FLEET", parentId: { in: garages } }, select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" }, take: 100 });
}

/** The customer profile of one passport: null (404) for a passport of another garage. */
export async function getPassportProfile(actor: Actor, passportId: string) {
  const scope = passportScope(actor);
  const p = await db.passport.findFirst({
    where: { id: passportId, ...scope },
    select: {
      id: true,
      status: true,
      notes: true,
      activatedAt: true,
      createdAt: true,
      garageId: true,
      vehicleId: true,
      fleetAccountId: true,
      contactName: true,
      contactStreet: true,
      contactPostalCode: true,
      contactCity: true,
      contactEmail: true,
      garage: { select: { name: true } },
      fleetAccount: { select: { name: true } },
      createdBy: { select: { firstName: true, lastName: true } },
      vehicle: { select: { vin: true, make: true, model: true, modelYear: true, fuel: true, mileageKm: true, plates: currentPlate } },
      costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, description: true, dueAt: true, doneAt: true } },
      transfers: {
        orderBy: { confirmedAt: "desc" },
        take: 50,
        select: {
          id: true,
          status: true,
          email: true,
          name: true,
          confirmedAt: true,
          decidedAt: true,
          expiresAt: true,
          fromOrganisationId: true,
          fromOrganisation: { select: { name: true } },
          confirmedBy: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  if (!p) return null;
  const [stock, owner, services, fleets] = await Promise.all([
    db.holding.findFirst({ where: { vehicleId: p.vehicleId, kind: "STOCK", organisationId: p.garageId, endedAt: null }, select: { id: true } }),
    db.holding.findFirst({ where: { vehicleId: p.vehicleId, kind: "OWNER", endedAt: null }, select: { startedAt: true } }),
    db.serviceRecord.findMany({
      where: { vehicleId: p.vehicleId },
      orderBy: { performedAt: "desc" },
      take: 20,
      select: { id: true, kind: true, performedAt: true, mileageKm: true, description: true, organisation: { select: { name: true } } },
    }),
    db.organisation.findMany({ where: { kind: "FLEET", parentId: p.garageId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 100 }),
  ]);
  // The car's state is that of the current stock period; earlier transfers are history only.
  const current = p.transfers.filter((t) => inCurrentPeriod(t, p));
  const pending = current.find((t) => t.status === "PENDING") ?? null;
  const accepted = current.find((t) => t.status === "ACCEPTED") ?? null;
  const now = new Date();
  const { transfers, ...rest } = p;
  const restocked = transfers.length > current.length;
  return {
    ...rest,
    plate: p.vehicle.plates[0] ?? null,
    inStock: !!stock,
    ownerSince: owner?.startedAt ?? null,
    pending: pending ? { ...pending, expired: pending.expiresAt <= now } : null,
    accepted,
    totalCents: totalCents(p.costItems),
    services,
    fleets,
    history: staffHistory(transfers, p.garageId),
    /** The garage that created the passport: the sender of its first transfer (only it held the car first). */
    createdByGarage: transfers[transfers.length - 1]?.fromOrganisation.name ?? p.garage.name,
    /** When the car was last taken back into stock (a trade-in), if it ever was. */
    restockedAt: restocked ? p.activatedAt : null,
    /** Who created it, unless another stock period has begun since (maybe another garage's staff member). */
    createdBy: restocked ? null : p.createdBy,
  };
}

export type PassportProfile = NonNullable<Awaited<ReturnType<typeof getPassportProfile>>>;

type StaffTransferRow = {
  id: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "CANCELLED" | "SUPERSEDED";
  email: string;
  name: string;
  confirmedAt: Date;
  decidedAt: Date | null;
  fromOrganisationId: string;
  fromOrganisation: { name: string };
  confirmedBy: { firstName: string; lastName: string };
};

/**
 * The passport's history as the viewing garage sees it. Its own transfers come with the contact
 * details it entered and who confirmed them; another garage's (before a trade-in) only as what
 * happened to the car: the date, that garage and "a private owner" (`to: null`), and only the
 * transfers that took place (the other garage's withdrawn or declined offers are its own business).
 */
function staffHistory(transfers: StaffTransferRow[], garageId: string) {
  return transfers
    .filter((t) => t.fromOrganisationId === garageId || t.status === "ACCEPTED")
    .map((t) => {
      const own = t.fromOrganisationId === garageId;
      return {
        id: t.id,
        status: t.status,
        confirmedAt: t.confirmedAt,
        decidedAt: t.decidedAt,
        from: t.fromOrganisation.name,
        own,
        name: own ? t.name : null,
        email: own ? t.email : null,
        confirmedBy: own ? `${t.confirmedBy.firstName} ${t.confirmedBy.lastName}`.trim() : null,
      };
    });
}

export type TransferLinkState = "valid" | "accepted" | "declined" | "cancelled" | "expired" | "invalid";

/** What the transfer link shows before anyone acts on it. */
export async function getTransferByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const t = await db.passportTransfer.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      email: true,
      confirmedAt: true,
      toUser: { select: { id: true, status: true } },
      fromOrganisation: { select: { name: true } },
      passport: {
        select: {
          status: true,
          activatedAt: true,
          costItems: { select: { amountCents: true } },
          vehicle: { select: { make: true, model: true, modelYear: true, plates: currentPlate } },
        },
      },
    },
  });
  if (!t || t.status === "SUPERSEDED" || !t.toUser || t.toUser.status === "DISABLED") return null;
  const state: TransferLinkState =
    t.status === "ACCEPTED" ? "accepted" : t.status === "DECLINED" ? "declined" : t.status === "CANCELLED" ? "cancelled" : t.expiresAt <= new Date() ? "expired" : "valid";
  const v = t.passport.vehicle;
  return {
    id: t.id,
    state,
    email: t.email,
    recipientId: t.toUser.id,
    newAccount: t.toUser.status === "INVITED",
    garage: t.fromOrganisation.name,
    car: { make: v.make, model: v.model, modelYear: v.modelYear, plate: v.plates[0] ?? null },
    // The costs are those of the current stock period: an earlier buyer's old link does not show them.
    totalCents: inCurrentPeriod(t, t.passport) ? totalCents(t.passport.costItems) : 0,
  };
}

/** Pending transfers to the signed-in user: the notifications shown in their garage. */
export async function listTransferOffers(actor: Actor) {
  assertCan(actor, "garage:use");
  const rows = await db.passportTransfer.findMany({
    where: { toUserId: actor.userId, status: "PENDING", expiresAt: { gt: new Date() } },
    orderBy: { confirmedAt: "desc" },
    take: 20,
    select: {
      id: true,
      confirmedAt: true,
      expiresAt: true,
      fromOrganisation: { select: { name: true } },
      passport: { select: { vehicle: { select: { make: true, model: true, modelYear: true, plates: currentPlate } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    confirmedAt: r.confirmedAt,
    expiresAt: r.expiresAt,
    garage: r.fromOrganisation.name,
    make: r.passport.vehicle.make,
    model: r.passport.vehicle.model,
    modelYear: r.passport.vehicle.modelYear,
    plate: r.passport.vehicle.plates[0] ?? null,
  }));
}

/**
 * The car's AutoPaspoort as its current owner or driver sees it. The history names the garage and
 * "you" for the viewer's own transfer; any other private owner stays anonymous.
 */
export async function getOwnerPassport(actor: Actor, vehicleId: string) {
  assertCan(actor, "garage:use");
  const holding = await db.holding.findFirst({
    where: { vehicleId, userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } },
    select: { kind: true },
  });
  if (!holding) return null;
  const p = await db.passport.findUnique({
    where: { vehicleId },
    select: {
      status: true,
      notes: true,
      activatedAt: true,
      serviceRelationshipEndedAt: true,
      garage: { select: { name: true } },
      costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }], select: { id: true, description: true, dueAt: true, doneAt: true } },
      createdAt: true,
      transfers: { where: { status: "ACCEPTED" }, orderBy: { decidedAt: "asc" }, select: { id: true, decidedAt: true, toUserId: true, fromOrganisation: { select: { name: true } } } },
    },
  });
  if (!p) return null;
  return {
    vehicleId,
    status: p.status,
    notes: p.notes,
    activatedAt: p.activatedAt,
    /** When and by which garage the passport was created: the sender of its first transfer held the car first. */
    createdAt: p.createdAt,
    createdBy: p.transfers[0]?.fromOrganisation.name ?? p.garage.name,
    garage: p.garage.name,
    relationshipEndedAt: p.serviceRelationshipEndedAt,
    canEndRelationship: holding.kind === "OWNER" && !p.serviceRelationshipEndedAt,
    costItems: p.costItems,
    totalCents: totalCents(p.costItems),
    maintenanceItems: p.maintenanceItems,
    history: p.transfers.map((t) => ({ id: t.id, date: t.decidedAt, from: t.fromOrganisation.name, to: t.toUserId === actor.userId ? ("you" as const) : ("privateOwner" as const) })),
  };
}

export type OwnerPassport = NonNullable<Awaited<ReturnType<typeof getOwnerPassport>>>;

/** Support: the pending transfers of every garage, searchable by plate or e-mail, newest first. */
export async function listPendingTransfers(actor: Actor, opts: { q?: string; cursor?: string } = {}) {
  assertCan(actor, "transfers:correct");
  const q = (opts.q ?? "").trim().slice(0, 120);
  const rows = await db.passportTransfer.findMany({
    where: {
      status: "PENDING",
      ...(q
        ? {
            OR: [
              { email: { contains: q.toLowerCase() } },
              { passport: { vehicle: { plates: { some: { plate: { contains: normalizePlate(q) }, validTo: null } } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      email: true,
      name: true,
      confirmedAt: true,
      expiresAt: true,
      fromOrganisation: { select: { name: true } },
      passport: { select: { vehicle: { select: { make: true, model: true, plates: currentPlate } } } },
    },
  });
  const items = rows.slice(0, PAGE);
  return { items, nextCursor: rows.length > PAGE ? items[items.length - 1]?.id : undefined };
}
