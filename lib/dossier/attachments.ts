/**
 * An entry's invoice or inspection report (decision 0030): checked and cleaned like a verification
 * document (inspect-document.ts: content sniffing, 10 MB, images re-encoded without metadata, PDFs
 * opened and saved without their document information), encrypted at rest in its own folder, and
 * recorded in the entry's transaction. The file is written before the transaction (decoding is
 * slow and must not hold the car's lock); when the transaction fails, the file is deleted again.
 *
 * Who reads it: the workshop that recorded the entry (its members), and the owner whose holding was
 * active when it was recorded (`holderId`) while they own the car. A later owner sees the entry
 * without it (it holds the earlier owner's name); an authorised driver does not see it either.
 */
import type { Tx } from "../server/database";
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { hit } from "../server/rate-limit";
import { log } from "../server/log";
import { inspectDocument } from "../verification/inspect-document";
import { newStorageKey } from "../verification/storage";
import { getAttachmentStorage } from "./attachment-storage";
import { cleanFileName } from "./file-name";

/** A file as it came with the form. */
export interface AttachmentFile {
  bytes: Buffer;
  name: string;
}

/** Attachment uploads per user per hour, refused ones included. */
export const ATTACHMENT_LIMIT = { max: 30, windowMs: 3600_000 };

export interface StoredAttachment {
  storageKey: string;
  mimeType: string;
  sizeBytes: number;
  originalName: string;
}

export interface AttachmentDto {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
}

/** Checks, cleans, encrypts and stores the file; counted against the uploader's hourly limit first. */
export async function storeAttachment(actor: Actor, file: AttachmentFile): Promise<StoredAttachment> {
  if (!(await hit(db, `service-attachment:${actor.userId}`, ATTACHMENT_LIMIT))) throw new AppError("RATE_LIMITED");
  const doc = await inspectDocument(file.bytes);
  const storageKey = newStorageKey();
  await getAttachmentStorage().put(storageKey, doc.data);
  return { storageKey, mimeType: doc.mimeType, sizeBytes: doc.data.length, originalName: cleanFileName(file.name, doc.mimeType) };
}

/** Deletes a stored file whose entry was not written (best effort: logged when it fails). */
export async function discardAttachment(stored: StoredAttachment | null): Promise<void> {
  if (!stored) return;
  await getAttachmentStorage()
    .delete(stored.storageKey)
    .catch((e: unknown) => log.warn({ err: e }, "could not delete the attachment of an entry not written"));
}

/** Records the stored file with its entry, in the entry's transaction; the holder is the car's owner now. */
export async function recordAttachment(tx: Tx, input: { entryId: string; vehicleId: string; uploadedById: string; stored: StoredAttachment }): Promise<string> {
  const owner = await tx.holding.findFirst({ where: { vehicleId: input.vehicleId, kind: "OWNER", endedAt: null }, select: { userId: true } });
  const row = await tx.serviceAttachment.create({
    data: { serviceRecordId: input.entryId, ...input.stored, uploadedById: input.uploadedById, holderId: owner?.userId ?? null },
    select: { id: true },
  });
  return row.id;
}

/**
 * The `where` of the attachments a viewer may read: of the workshops they are a member of that
 * recorded the entry, or held by them while they own the car now. Nothing for anyone else.
 */
export function attachmentsVisibleTo(actor: Actor, vehicleId?: string) {
  const orgIds = actor.memberships.filter((m) => m.kind === "DEALER" || m.kind === "GARAGE").map((m) => m.organisationId);
  return {
    OR: [
      ...(orgIds.length ? [{ serviceRecord: { organisationId: { in: orgIds }, source: "WORKSHOP" as const, ...(vehicleId ? { vehicleId } : {}) } }] : []),
      {
        holderId: actor.userId,
        serviceRecord: { ...(vehicleId ? { vehicleId } : {}), vehicle: { holdings: { some: { userId: actor.userId, kind: "OWNER" as const, endedAt: null } } } },
      },
    ],
  };
}

/** The attachments of a car's entries the viewer may read, by entry. */
export async function attachmentsByEntry(actor: Actor, vehicleId: string): Promise<Map<string, AttachmentDto[]>> {
  const rows = await db.serviceAttachment.findMany({
    where: { serviceRecord: { vehicleId }, ...attachmentsVisibleTo(actor, vehicleId) },
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: { id: true, serviceRecordId: true, originalName: true, mimeType: true, sizeBytes: true },
  });
  const out = new Map<string, AttachmentDto[]>();
  for (const r of rows) out.set(r.serviceRecordId, [...(out.get(r.serviceRecordId) ?? []), { id: r.id, name: r.originalName, mimeType: r.mimeType, sizeBytes: r.sizeBytes }]);
  return out;
}

/** One attachment for a viewer who may read it, decrypted; NOT_FOUND for anyone else. */
export async function readAttachment(input: { actor: Actor; attachmentId: string }): Promise<{ data: Buffer; mimeType: string; name: string }> {
  const row = await db.serviceAttachment.findFirst({
    where: { id: input.attachmentId, ...attachmentsVisibleTo(input.actor) },
    select: { id: true, storageKey: true, mimeType: true, originalName: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  try {
    return { data: await getAttachmentStorage().get(row.storageKey), mimeType: row.mimeType, name: row.originalName };
  } catch (e) {
    log.error({ err: e, attachmentId: row.id }, "an attachment cannot be read");
    throw new AppError("NOT_FOUND");
  }
}
