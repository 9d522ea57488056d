/**
 * The owner's photo of their car (docs/decisions/0029): uploaded by the owner, checked and
 * re-encoded without metadata (inspect-photo.ts), stored encrypted under a random name
 * (storage.ts), one per owner's holding (a new one replaces the old). Read by the car's current
 * owner and its drivers only; anyone else, a former owner included, gets NOT_FOUND. When the
 * owner's holding ends the photo is no one's to see, and the daily job deletes it.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { hit } from "../server/rate-limit";
import { log } from "../server/log";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { inspectPhoto } from "./inspect-photo";
import { getPhotoStorage, newStorageKey } from "./storage";

/** Photo uploads per owner per hour, refused ones included. */
export const PHOTO_UPLOAD_LIMIT = { max: 30, windowMs: 3600_000 };

const ownerHoldingWhere = (actor: Actor, vehicleId: string) => ({ vehicleId, userId: actor.userId, kind: "OWNER" as const, endedAt: null });

async function deleteFile(key: string): Promise<void> {
  // A file left behind is found by the daily job (purgeCarPhotos), never shown: no row names it.
  await getPhotoStorage()
    .delete(key)
    .catch((e: unknown) => log.warn({ err: e }, "could not delete a car photo"));
}

export async function uploadCarPhoto(input: { actor: Actor; vehicleId: string; bytes: Buffer; now?: Date }): Promise<{ width: number; height: number; sizeBytes: number }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  // The car first: a stranger's upload is refused before it costs anything.
  if (!(await db.holding.count({ where: ownerHoldingWhere(input.actor, input.vehicleId) }))) throw new AppError("NOT_FOUND");
  if (!(await hit(db, `car-photo:${input.actor.userId}`, PHOTO_UPLOAD_LIMIT, now))) throw new AppError("RATE_LIMITED");
  const photo = await inspectPhoto(input.bytes);
  const storageKey = newStorageKey();
  await getPhotoStorage().put(storageKey, photo.data);
  let replaced: string | null;
  try {
    replaced = await transaction(async (tx) => {
      await lockVehicle(tx, input.vehicleId);
      const holding = await tx.holding.findFirst({ where: ownerHoldingWhere(input.actor, input.vehicleId), select: { id: true, photo: { select: { storageKey: true } } } });
      if (!holding) throw new AppError("NOT_FOUND");
      const data = { storageKey, mimeType: photo.mimeType, sizeBytes: photo.data.length, width: photo.width, height: photo.height, createdAt: now };
      await tx.carPhoto.upsert({ where: { holdingId: holding.id }, create: { holdingId: holding.id, ...data }, update: data });
      await audit(tx, input.actor, "vehicle.photo_set", {
        entityType: "Holding",
        entityId: holding.id,
        vehicleId: input.vehicleId,
        subjectUserId: input.actor.userId,
        data: { sizeBytes: photo.data.length, width: photo.width, height: photo.height, replaced: !!holding.photo },
      });
      return holding.photo?.storageKey ?? null;
    });
  } catch (e) {
    await deleteFile(storageKey);
    throw e;
  }
  if (replaced) await deleteFile(replaced);
  return { width: photo.width, height: photo.height, sizeBytes: photo.data.length };
}

export async function removeCarPhoto(input: { actor: Actor; vehicleId: string }): Promise<{ removed: boolean }> {
  assertCan(input.actor, "garage:use");
  const key = await transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: ownerHoldingWhere(input.actor, input.vehicleId), select: { id: true, photo: { select: { storageKey: true } } } });
    if (!holding) throw new AppError("NOT_FOUND");
    if (!holding.photo) return null;
    await tx.carPhoto.delete({ where: { holdingId: holding.id } });
    await audit(tx, input.actor, "vehicle.photo_removed", { entityType: "Holding", entityId: holding.id, vehicleId: input.vehicleId, subjectUserId: input.actor.userId });
    return holding.photo.storageKey;
  });
  if (key) await deleteFile(key);
  return { removed: !!key };
}

/** The car's photo for its current owner or one of its drivers; NOT_FOUND for anyone else. */
export async function readCarPhoto(input: { actor: Actor; vehicleId: string }): Promise<{ data: Buffer; mimeType: string; version: number }> {
  assertCan(input.actor, "garage:use");
  const viewer = await db.holding.count({ where: { vehicleId: input.vehicleId, userId: input.actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } } });
  if (!viewer) throw new AppError("NOT_FOUND");
  const photo = await db.carPhoto.findFirst({
    where: { holding: { vehicleId: input.vehicleId, kind: "OWNER", endedAt: null } },
    select: { storageKey: true, mimeType: true, createdAt: true },
  });
  if (!photo) throw new AppError("NOT_FOUND");
  try {
    return { data: await getPhotoStorage().get(photo.storageKey), mimeType: photo.mimeType, version: photo.createdAt.getTime() };
  } catch (e) {
    log.error({ err: e }, "a car photo cannot be read");
    throw new AppError("NOT_FOUND");
  }
}

/** Files younger than this are never orphans: an upload writes its file before its row. */
const ORPHAN_AGE_MS = 3600_000;

/**
 * The daily job: deletes the photos of owners' holdings that have ended (no one may see them any
 * more), then files no photo row names (left by a crash between file and row). Idempotent.
 */
export async function purgeCarPhotos(now: Date = new Date()): Promise<Record<string, number>> {
  const storage = getPhotoStorage();
  const ended = await db.carPhoto.findMany({ where: { holding: { endedAt: { not: null } } }, select: { holdingId: true, storageKey: true }, take: 1000 });
  let deleted = 0;
  let failed = 0;
  for (const p of ended) {
    try {
      await storage.delete(p.storageKey);
      await db.carPhoto.deleteMany({ where: { holdingId: p.holdingId, storageKey: p.storageKey } });
      deleted++;
    } catch (e) {
      failed++;
      log.warn({ err: e }, "could not delete a former owner's car photo");
    }
  }
  let orphans = 0;
  const old = (await storage.list()).filter((o) => now.getTime() - o.modifiedAt.getTime() > ORPHAN_AGE_MS);
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const known = new Set((await db.carPhoto.findMany({ where: { storageKey: { in: batch.map((o) => o.key) } }, select: { storageKey: true } })).map((p) => p.storageKey));
    for (const o of batch) {
      if (known.has(o.key)) continue;
      try {
        await storage.delete(o.key);
        orphans++;
      } catch (e) {
        failed++;
        log.warn({ err: e }, "could not delete an orphaned car photo");
      }
    }
  }
  return { deleted, orphans, failed };
}
