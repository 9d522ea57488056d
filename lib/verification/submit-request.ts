/**
 * Flow 3, the owner's request: the VIN, the relationship and the uploaded documents (ID front and
 * back, registration certificate, and for a driver the owner's signed authorisation). The request
 * goes to central support when support serves the owner's language, otherwise to the dealer the
 * owner chose (seed 001 §3.2.1).
 */
import { db } from "../server/db";
import { env } from "../server/env";
import { assertCan, type Actor } from "../server/authz";
import { AppError, type FieldErrorKey } from "../server/errors";
import { audit } from "../server/audit";
import { assertNotInStock } from "../holdings/guards";
import { isUniqueViolation } from "../server/db-errors";
import { OPEN_STATUSES, routeFor, servesLanguage, type Route } from "./common";
import type { DocumentKindT, SubmitRequestInputT } from "./schemas";
import type { VerificationRelationship } from "../../generated/prisma/enums";
import { verifyUpload, type UploadClaims } from "./upload-token";
import { transaction } from "../server/transaction";

export type SubmitRequestInput = Pick<SubmitRequestInputT, "vin" | "relationship"> & {
  actor: Actor;
  dealerId?: string;
  now?: Date;
} & Partial<Record<`upload_${DocumentKindT}`, string>>;

export function requiredKinds(relationship: VerificationRelationship): DocumentKindT[] {
  return relationship === "DRIVER" ? ["ID_FRONT", "ID_BACK", "REGISTRATION", "AUTHORISATION"] : ["ID_FRONT", "ID_BACK", "REGISTRATION"];
}

export async function submitVerificationRequest(input: SubmitRequestInput): Promise<{ requestId: string; route: Route; dealerName: string | null }> {
  assertCan(input.actor, "garage:use");
  const actor = input.actor;
  const now = input.now ?? new Date();

  // Every required document, each an upload of this owner for this slot.
  const fieldErrors: Record<string, FieldErrorKey[]> = {};
  const uploads: UploadClaims[] = [];
  for (const kind of requiredKinds(input.relationship)) {
    const id = input[`upload_${kind}`];
    if (!id) {
      fieldErrors[`upload_${kind}`] = ["document_missing"];
      continue;
    }
    const claims = verifyUpload(id, now.getTime());
    if (!claims || claims.userId !== actor.userId || claims.kind !== kind) fieldErrors[`upload_${kind}`] = ["document_invalid"];
    else uploads.push(claims);
  }

  // Routing by the owner's language (their account's language, read from the database). A dealer
  // is chosen only when one reviews the request: when support does, the form asks for none and a
  // dealer sent anyway is not stored, since it would decide nothing.
  const route = routeFor(actor.locale, env.SUPPORT_LOCALES);
  let dealer: { id: string; name: string } | null = null;
  if (route === "SUPPORT") {
    // nothing to choose
  } else if (input.dealerId) {
    const d = await db.organisation.findFirst({ where: { id: input.dealerId, kind: "DEALER" }, select: { id: true, name: true, locales: true } });
    if (!d) fieldErrors.dealerId = ["dealer_invalid"];
    else if (!servesLanguage(d.locales, actor.locale)) fieldErrors.dealerId = ["dealer_language"];
    else dealer = { id: d.id, name: d.name };
  } else {
    fieldErrors.dealerId = ["dealer_required"];
  }
  if (Object.keys(fieldErrors).length) {
    const missing = Object.values(fieldErrors).some((k) => k[0] === "document_missing");
    throw new AppError("VALIDATION", missing ? "documents_missing" : "codes.VALIDATION", { fieldErrors });
  }

  try {
    const request = await transaction(async (tx) => {
      const open = await tx.verificationRequest.findFirst({
        where: { requesterId: actor.userId, vin: input.vin, status: { in: [...OPEN_STATUSES] } },
        select: { id: true },
      });
      if (open) throw new AppError("CONFLICT", "request_open");
      const vehicle = await tx.vehicle.findUnique({ where: { vin: input.vin }, select: { id: true } });
      if (vehicle) {
        const held = await tx.holding.findFirst({
          where: { vehicleId: vehicle.id, userId: actor.userId, endedAt: null, disconnectedAt: null, kind: { in: ["OWNER", "DRIVER"] } },
          select: { id: true },
        });
        if (held) throw new AppError("CONFLICT", "already_linked");
        // A garage's stock car is handed over by that garage (flow 6): no request around it.
        await assertNotInStock(tx, vehicle.id);
      }
      const created = await tx.verificationRequest.create({
        data: {
          requesterId: actor.userId,
          vin: input.vin,
          vehicleId: vehicle?.id ?? null,
          relationship: input.relationship,
          channel: "SELF_UPLOAD",
          locale: actor.locale,
          route,
          dealerId: dealer?.id ?? null,
          submittedAt: now,
          documents: {
            create: uploads.map((u) => ({ kind: u.kind, storageKey: u.storageKey, mimeType: u.mimeType, sizeBytes: u.sizeBytes, createdAt: now })),
          },
        },
        select: { id: true },
      });
      // Attached now: these uploads no longer wait (upload-document.ts).
      await tx.pendingUpload.deleteMany({ where: { userId: actor.userId, storageKey: { in: uploads.map((u) => u.storageKey) } } });
      await audit(tx, actor, "verification.submitted", {
        entityType: "VerificationRequest",
        entityId: created.id,
        vehicleId: vehicle?.id ?? null,
        subjectUserId: actor.userId,
        data: { route, relationship: input.relationship, documents: uploads.length },
      });
      return created;
    });
    return { requestId: request.id, route, dealerName: dealer?.name ?? null };
  } catch (e) {
    // The same upload posted twice (a replayed form): storage keys are unique.
    if (!(e instanceof AppError) && isUniqueViolation(e)) throw new AppError("CONFLICT", "document_reused");
    throw e;
  }
}
