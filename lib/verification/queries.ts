/** Server-side reads for the verification pages, each scoped to the actor. */
import { db } from "../server/db";
import { env } from "../server/env";
import { assertCan, type Actor } from "../server/authz";
import { copiesDeletedBy, OPEN_STATUSES, reviewableBy, routeFor, servesLanguage } from "./common";
import { CLAIM_SELECT, isClaimable, liveClaimHolder, type ClaimState } from "./claims";

const FACTS_SELECT = {
  idDocumentType: true,
  fullName: true,
  dateOfBirth: true,
  placeOfBirth: true,
  address: true,
  documentValidUntil: true,
  vin: true,
  plate: true,
  registeredOwnerName: true,
  registeredOwnerAddress: true,
  verifiedAt: true,
} as const;

/** Who will review the owner's request, and the dealers to choose from (only when a dealer reviews it). */
export async function requestRouting(actor: Actor) {
  assertCan(actor, "garage:use");
  const route = routeFor(actor.locale, env.SUPPORT_LOCALES);
  if (route === "SUPPORT") return { route, locale: actor.locale, dealers: [] };
  // Filtered here rather than with `locales: { has }`: the embedded database's adapter cannot
  // bind an enum array parameter.
  const all = await db.organisation.findMany({
    where: { kind: "DEALER" },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, city: true, locales: true },
  });
  const dealers = all.filter((d) => servesLanguage(d.locales, actor.locale)).map(({ id, name, city }) => ({ id, name, city }));
  return { route, locale: actor.locale, dealers };
}

/** The owner's own requests, newest first. */
export async function listMyRequests(actor: Actor) {
  assertCan(actor, "garage:use");
  return db.verificationRequest.findMany({
    where: { requesterId: actor.userId, channel: "SELF_UPLOAD" },
    orderBy: { submittedAt: "desc" },
    take: 20,
    select: { id: true, vin: true, status: true, relationship: true, submittedAt: true, decidedAt: true, withdrawnAt: true },
  });
}

/** One of the owner's own requests with its timeline; null reads as not found. */
export async function getMyRequest(actor: Actor, requestId: string) {
  assertCan(actor, "garage:use");
  const r = await db.verificationRequest.findFirst({
    where: { id: requestId, requesterId: actor.userId, channel: "SELF_UPLOAD" },
    select: {
      id: true,
      vin: true,
      status: true,
      relationship: true,
      route: true,
      submittedAt: true,
      claimedAt: true,
      decidedAt: true,
      withdrawnAt: true,
      rejectionReason: true,
      rejectionNote: true,
      documentsPurgedAt: true,
      vehicleId: true,
      dealer: { select: { name: true } },
      documents: { select: { kind: true, deletedAt: true }, orderBy: { kind: "asc" } },
      facts: { select: FACTS_SELECT },
    },
  });
  if (!r) return null;
  const held = r.status === "APPROVED" && r.vehicleId
    ? await db.holding.findFirst({ where: { vehicleId: r.vehicleId, userId: actor.userId, endedAt: null }, select: { id: true } })
    : null;
  return { ...r, reviewer: r.route === "DEALER" ? (r.dealer?.name ?? null) : null, copiesDeleteBy: copiesDeletedBy(r.submittedAt), carInGarage: !!held };
}

/** The claim's fields (claims.ts) and the holder's name. */
const CLAIM_WITH_NAME = {
  ...CLAIM_SELECT,
  claimedBy: { select: { ...CLAIM_SELECT.claimedBy.select, firstName: true, lastName: true } },
} as const;

/**
 * Who holds a request, as a page shows it: only a live claim (claims.ts) names its holder; a
 * lapsed one reads as nobody's, and the request can be claimed.
 */
function withClaim<R extends ClaimState & { claimedBy: (ClaimState["claimedBy"] & { firstName: string; lastName: string }) | null }>(r: R, actor: Actor, now: Date) {
  const { claimedBy, claimedAt: _claimedAt, claimedById: _claimedById, ...rest } = r;
  const holder = liveClaimHolder(r, now);
  return {
    ...rest,
    claimedAt: holder ? r.claimedAt : null,
    claimedBy: holder && claimedBy ? { firstName: claimedBy.firstName, lastName: claimedBy.lastName } : null,
    claimedByYou: holder !== null && holder === actor.userId,
    claimable: isClaimable(r, now),
  };
}

/** The reviewer's queue: open requests routed to them, oldest first. */
export async function listQueue(actor: Actor, now = new Date()) {
  assertCan(actor, "verification:review");
  const where = reviewableBy(actor);
  const [open, decided] = await Promise.all([
    db.verificationRequest.findMany({
      where: { ...where, status: { in: [...OPEN_STATUSES] } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true,
        vin: true,
        relationship: true,
        locale: true,
        submittedAt: true,
        ...CLAIM_WITH_NAME,
        dealer: { select: { name: true } },
        requester: { select: { firstName: true, lastName: true } },
      },
    }),
    db.verificationRequest.findMany({
      where: { ...where, status: { notIn: [...OPEN_STATUSES] } },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { id: true, vin: true, status: true, submittedAt: true, decidedAt: true, withdrawnAt: true, requester: { select: { firstName: true, lastName: true } } },
    }),
  ]);
  return { open: open.map((r) => withClaim(r, actor, now)), decided };
}

/**
 * A request as its reviewer sees it. The documents are listed only to the reviewer whose claim on
 * the request is live; whether the car has an active owner (not who) is shown before approving.
 */
export async function getReviewRequest(actor: Actor, requestId: string, now = new Date()) {
  assertCan(actor, "verification:review");
  const r = await db.verificationRequest.findFirst({
    where: { id: requestId, ...reviewableBy(actor) },
    select: {
      id: true,
      vin: true,
      relationship: true,
      locale: true,
      submittedAt: true,
      ...CLAIM_WITH_NAME,
      decidedAt: true,
      withdrawnAt: true,
      rejectionReason: true,
      rejectionNote: true,
      documentsPurgedAt: true,
      decidedBy: { select: { firstName: true, lastName: true } },
      dealer: { select: { name: true } },
      requester: { select: { id: true, firstName: true, lastName: true, email: true } },
      documents: { where: { deletedAt: null }, select: { id: true, kind: true, mimeType: true, sizeBytes: true }, orderBy: { kind: "asc" } },
      facts: { select: FACTS_SELECT },
    },
  });
  if (!r) return null;
  const request = withClaim(r, actor, now);
  const mine = request.claimedByYou;
  const vehicle = await db.vehicle.findUnique({
    where: { vin: r.vin },
    select: {
      id: true,
      make: true,
      model: true,
      modelYear: true,
      fuel: true,
      plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1 },
      holdings: { where: { kind: "OWNER", endedAt: null }, select: { userId: true, startedAt: true }, take: 1 },
    },
  });
  const activeOwner = vehicle?.holdings[0];
  return {
    ...request,
    mine,
    documents: mine ? r.documents : [],
    documentCount: r.documents.length,
    copiesDeleteBy: copiesDeletedBy(r.submittedAt),
    vehicle: vehicle
      ? { make: vehicle.make, model: vehicle.model, modelYear: vehicle.modelYear, fuel: vehicle.fuel, plate: vehicle.plates[0]?.plate ?? null, plateCountry: vehicle.plates[0]?.country ?? null }
      : null,
    activeOwner: activeOwner ? { since: activeOwner.startedAt, isRequester: activeOwner.userId === r.requester.id } : null,
  };
}
