/**
 * Linking a person whose documents were checked (at the desk, flow 2, or by a reviewer of an
 * uploaded request, flow 3): the same rules either way. The form's facts, the checks on them, the
 * link itself (a new owner, a re-link of the owner's own disconnected car, or an authorised driver)
 * and the facts kept in place of the documents. Callers write their own audit entries and e-mails,
 * which differ by channel.
 */
import { z } from "zod";
import { IdDocumentType } from "../../generated/prisma/enums";
import type { HoldingOrigin, Locale } from "../../generated/prisma/enums";
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { today } from "../server/dates";
import { CalendarDate, Checkbox, Text } from "../server/fields";
import { normalizePlate } from "../server/plate";
import { assertOwnershipChangeAllowed } from "./guards";
import { endOwnerHolding, startOwnerHolding } from "./holdings";

/** The ID document's facts and the registration certificate's owner, as staff type them. */
export const VerifiedFactsFields = {
  idDocumentType: z.enum(IdDocumentType, { error: "required" }),
  fullName: Text(150),
  dateOfBirth: CalendarDate,
  placeOfBirth: Text(100),
  address: Text(250),
  documentValidUntil: CalendarDate,
  registeredOwnerName: Text(150),
  registeredOwnerAddress: Text(250),
  confirmOwnershipChange: Checkbox,
};

export type VerifiedFactsT = z.output<z.ZodObject<typeof VerifiedFactsFields>> & { vin: string; plate?: string | null };

/** An ID document is valid until its last day inclusive, that day counted in Amsterdam. */
export function assertIdValid(documentValidUntil: Date, now?: Date): void {
  if (documentValidUntil < today(now)) {
    throw new AppError("VALIDATION", "id_expired", { fieldErrors: { documentValidUntil: ["id_expired"] } });
  }
}

/** The car's active owner, as the link finds it. */
export interface PreviousOwner {
  holdingId: string;
  userId: string | null;
  user: { email: string; locale: Locale; firstName: string } | null;
}

export interface LinkVerifiedInput {
  vehicleId: string;
  person: { id: string };
  relationship: "OWNER" | "DRIVER";
  origin: Extract<HoldingOrigin, "DEALER_VERIFIED" | "SELF_REGISTRATION">;
  organisationId: string | null;
  actor: Actor;
  facts: VerifiedFactsT;
  /** Audit data that names the channel (desk or upload), added to the previous owner's ending. */
  channelData: Record<string, string>;
  /** Tells the previous owner that the car left their account (never who has it now). */
  notifyPreviousOwner: (previous: PreviousOwner) => Promise<void>;
  now?: Date;
}

export interface LinkVerifiedResult {
  holdingId: string;
  ownershipChanged: boolean;
  /** The owner's own disconnected car was reconnected. */
  relinked: boolean;
}

/**
 * Links the person to the car inside the caller's transaction (the vehicle row is locked by
 * findOrCreateVehicle). A car on another owner's account changes hands only on a certificate in
 * the new owner's name with explicit confirmation; the previous owner's holding ends with all that
 * hangs on it, audited. An authorised driver is linked through the active owner, if any.
 */
export async function linkVerifiedPerson(tx: Tx, input: LinkVerifiedInput): Promise<LinkVerifiedResult> {
  const { vehicleId, person, organisationId, actor } = input;
  const active = await tx.holding.findFirst({
    where: { vehicleId, kind: "OWNER", endedAt: null },
    select: { id: true, userId: true, disconnectedAt: true, user: { select: { email: true, locale: true, firstName: true } } },
  });

  if (input.relationship === "DRIVER") {
    const existing = await tx.holding.findFirst({ where: { vehicleId, kind: "DRIVER", userId: person.id, endedAt: null }, select: { id: true } });
    if (existing || active?.userId === person.id) throw new AppError("CONFLICT", "already_linked");
    const driver = await tx.holding.create({
      data: { vehicleId, kind: "DRIVER", userId: person.id, origin: input.origin, linkedByOrganisationId: organisationId, viaHoldingId: active?.id ?? null },
      select: { id: true },
    });
    return { holdingId: driver.id, ownershipChanged: false, relinked: false };
  }

  if (active?.userId === person.id) {
    if (!active.disconnectedAt) throw new AppError("CONFLICT", "already_linked");
    // The owner's own disconnected car: verifying again reconnects it.
    await tx.holding.update({ where: { id: active.id }, data: { disconnectedAt: null } });
    return { holdingId: active.id, ownershipChanged: false, relinked: true };
  }

  let ownershipChanged = false;
  if (active) {
    assertOwnershipChangeAllowed(input.facts);
    const ended = await endOwnerHolding(tx, { holdingId: active.id, vehicleId, reason: "OWNERSHIP_CHANGED", cancellationReason: "ownership_changed", now: input.now, actor });
    await audit(tx, actor, "vehicle.ownership_ended", {
      organisationId,
      entityType: "Holding",
      entityId: active.id,
      vehicleId,
      subjectUserId: active.userId,
      data: { contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded, serviceRelationshipEnded: ended.serviceRelationshipEnded, ...input.channelData },
    });
    await input.notifyPreviousOwner({ holdingId: active.id, userId: active.userId, user: active.user });
    ownershipChanged = true;
  }
  const started = await startOwnerHolding(tx, { vehicleId, userId: person.id, origin: input.origin, linkedByOrganisationId: organisationId, actor, now: input.now });
  return { holdingId: started.id, ownershipChanged, relinked: false };
}

/** The facts kept in place of the documents: never a copy. */
export async function recordVerifiedFacts(
  tx: Tx,
  input: { holdingId: string | null; requestId?: string; verifiedById: string; organisationId: string | null; facts: VerifiedFactsT; now?: Date },
): Promise<void> {
  const f = input.facts;
  await tx.verifiedFacts.create({
    data: {
      requestId: input.requestId,
      holdingId: input.holdingId,
      verifiedById: input.verifiedById,
      organisationId: input.organisationId,
      idDocumentType: f.idDocumentType,
      fullName: f.fullName,
      dateOfBirth: f.dateOfBirth,
      placeOfBirth: f.placeOfBirth,
      address: f.address,
      documentValidUntil: f.documentValidUntil,
      vin: f.vin,
      plate: f.plate ? normalizePlate(f.plate) : null,
      registeredOwnerName: f.registeredOwnerName,
      registeredOwnerAddress: f.registeredOwnerAddress,
      verifiedAt: input.now,
    },
  });
}
