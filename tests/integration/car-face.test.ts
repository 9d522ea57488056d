/**
 * The car's face (docs/decisions/0029): the owner's name and photo for the car. The photo is
 * checked by its content, re-encoded without metadata and stored encrypted; the route shows it to
 * the car's current owner and drivers only.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { readCarPhoto, removeCarPhoto, uploadCarPhoto, purgeCarPhotos } from "@/lib/car-face/photo";
import { setCarName } from "@/lib/car-face/set-car-name";
import { getPhotoStorage } from "@/lib/car-face/storage";
import { MAX_PHOTO_BYTES } from "@/lib/car-face/inspect-photo";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { GET, POST } from "@/app/api/garage/vehicles/[id]/photo/route";
import { callRoute, signedIn } from "@/tests/support/request-scope";
import { actorFor } from "../factories";
import { dealerStaff, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";
import { sampleJpeg, samplePdf } from "../factories/verification";

async function car() {
  const c = await ownedVehicle();
  return { ...c, owner: await actorFor(c.owner.id), ownerUser: c.owner, driver: await actorFor(c.driverUser.id) };
}

const get = async (who: { cookie?: string }, vehicleId: string) => callRoute(who, GET as never, { path: `/api/garage/vehicles/${vehicleId}/photo`, params: { id: vehicleId } });

describe("the car's name", () => {
  it("the owner sets and clears it; the driver sees the owner's name; audited", async () => {
    const c = await car();
    expect(await setCarName({ actor: c.owner, vehicleId: c.vehicle.id, name: "  De gezinsauto " })).toEqual({ name: "De gezinsauto" });
    expect((await getVehicleDossier(c.owner, c.vehicle.id))?.holding.nickname).toBe("De gezinsauto");
    expect((await getVehicleDossier(c.driver, c.vehicle.id))?.holding.nickname).toBe("De gezinsauto");
    expect((await listGarage(c.driver)).find((v) => v.id === c.vehicle.id)?.nickname).toBe("De gezinsauto");
    await setCarName({ actor: c.owner, vehicleId: c.vehicle.id, name: "" });
    expect((await getVehicleDossier(c.owner, c.vehicle.id))?.holding.nickname).toBeNull();
    expect(await db.auditLog.count({ where: { action: "vehicle.named", vehicleId: c.vehicle.id } })).toBe(2);
  });

  it("a driver, another owner and staff cannot name it (NOT_FOUND)", async () => {
    const c = await car();
    for (const actor of [c.driver, await actorFor((await ownerAccount()).user.id), (await dealerStaff()).actor]) {
      await expectAppError(setCarName({ actor, vehicleId: c.vehicle.id, name: "Mine" }), "NOT_FOUND");
    }
    expect((await db.holding.findUniqueOrThrow({ where: { id: c.holding.id } })).nickname).toBeNull();
  });
});

describe("the car's photo", () => {
  it("is re-encoded as a JPEG without EXIF (no device, no location), stored encrypted, and audited", async () => {
    const c = await car();
    const original = await sampleJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const r = await uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: original });
    expect(r).toMatchObject({ width: 64, height: 48 });
    const row = await db.carPhoto.findUniqueOrThrow({ where: { holdingId: c.holding.id } });
    const stored = readdirSync(path.join(process.env.DOCUMENTS_DIR!, "car-photos"));
    expect(stored).toContain(row.storageKey);
    const onDisk = await import("node:fs/promises").then((fs) => fs.readFile(path.join(process.env.DOCUMENTS_DIR!, "car-photos", row.storageKey)));
    expect(onDisk.includes(Buffer.from("Phone 15 Secret"))).toBe(false);
    const photo = await readCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id });
    const meta = await sharp(photo.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(photo.data.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect(await db.auditLog.count({ where: { action: "vehicle.photo_set", entityId: c.holding.id } })).toBe(1);
  });

  it("refuses what is not an image, an empty file and one over the limit; nothing is stored", async () => {
    const c = await car();
    await expectAppError(uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: await samplePdf() }), "VALIDATION", "photo_type");
    await expectAppError(uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: Buffer.from("not an image at all") }), "VALIDATION", "photo_type");
    await expectAppError(uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: Buffer.alloc(0) }), "VALIDATION", "file_empty");
    const big = Buffer.concat([await sampleJpeg(), Buffer.alloc(MAX_PHOTO_BYTES)]);
    await expectAppError(uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: big }), "VALIDATION", "file_too_large");
    // A JPEG header on garbage: the type matches, decoding fails.
    const broken = Buffer.concat([(await sampleJpeg()).subarray(0, 200), Buffer.alloc(200, 7)]);
    await expectAppError(uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: broken }), "VALIDATION", "photo_unreadable");
    expect(await db.carPhoto.count({ where: { holdingId: c.holding.id } })).toBe(0);
  });

  it("a driver, another owner and staff cannot upload or remove it", async () => {
    const c = await car();
    const bytes = await sampleJpeg();
    for (const actor of [c.driver, await actorFor((await ownerAccount()).user.id), (await dealerStaff()).actor]) {
      await expectAppError(uploadCarPhoto({ actor, vehicleId: c.vehicle.id, bytes }), "NOT_FOUND");
      await expectAppError(removeCarPhoto({ actor, vehicleId: c.vehicle.id }), "NOT_FOUND");
    }
    expect(await db.carPhoto.count({ where: { holdingId: c.holding.id } })).toBe(0);
  });

  it("a new photo replaces the old one and its file; removing deletes both", async () => {
    const c = await car();
    await uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: await sampleJpeg() });
    const first = (await db.carPhoto.findUniqueOrThrow({ where: { holdingId: c.holding.id } })).storageKey;
    await uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: await sharp({ create: { width: 30, height: 20, channels: 3, background: "#ff0000" } }).png().toBuffer() });
    const second = (await db.carPhoto.findUniqueOrThrow({ where: { holdingId: c.holding.id } })).storageKey;
    expect(second).not.toBe(first);
    await expect(getPhotoStorage().get(first)).rejects.toThrow();
    expect(await removeCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id })).toEqual({ removed: true });
    await expect(getPhotoStorage().get(second)).rejects.toThrow();
    expect(await db.auditLog.count({ where: { action: "vehicle.photo_removed", entityId: c.holding.id } })).toBe(1);
  });

  it("the route shows it to the owner and the driver, and 404 to another owner, staff, anonymous and a former owner", async () => {
    const c = await car();
    await uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: await sampleJpeg() });
    const owner = await signedIn(c.ownerUser.id);
    const driver = await signedIn(c.driverUser.id);
    for (const who of [owner, driver]) {
      const res = await get(who, c.vehicle.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      expect(res.headers.get("cache-control")).toContain("private");
    }
    const other = await signedIn((await ownerAccount()).user.id);
    const staff = await signedIn((await dealerStaff()).user.id);
    for (const who of [other, staff, {}]) expect((await get(who, c.vehicle.id)).status).toBe(404);

    await removeVehicle({ actor: c.owner, vehicleId: c.vehicle.id, understood: true });
    expect((await get(owner, c.vehicle.id)).status).toBe(404);
    expect((await get(driver, c.vehicle.id)).status).toBe(404);
    // The daily job deletes a former owner's photo; running it again does nothing more.
    const row = await db.carPhoto.findUniqueOrThrow({ where: { holdingId: c.holding.id } });
    const first = await purgeCarPhotos();
    expect(first.deleted).toBeGreaterThanOrEqual(1);
    expect(await db.carPhoto.count({ where: { holdingId: c.holding.id } })).toBe(0);
    await expect(getPhotoStorage().get(row.storageKey)).rejects.toThrow();
    expect((await purgeCarPhotos()).deleted).toBe(0);
  });

  it("a later owner does not see the previous owner's photo", async () => {
    const c = await car();
    await uploadCarPhoto({ actor: c.owner, vehicleId: c.vehicle.id, bytes: await sampleJpeg() });
    await removeVehicle({ actor: c.owner, vehicleId: c.vehicle.id, understood: true });
    const next = await ownerAccount();
    await db.holding.create({ data: { vehicleId: c.vehicle.id, kind: "OWNER", userId: next.user.id, origin: "DEALER_VERIFIED" } });
    const nextActor = await actorFor(next.user.id);
    await expectAppError(readCarPhoto({ actor: nextActor, vehicleId: c.vehicle.id }), "NOT_FOUND");
    expect((await getVehicleDossier(nextActor, c.vehicle.id))?.holding.photoVersion).toBeNull();
  });

  it("uploads through the route: the owner gets 201, anyone else 404 or 401, a PDF 400", async () => {
    const c = await car();
    const post = (who: { cookie?: string }, body: Buffer) =>
      callRoute(who, POST as never, { method: "POST", path: `/api/garage/vehicles/${c.vehicle.id}/photo?locale=en`, params: { id: c.vehicle.id }, body: new Uint8Array(body), headers: { "content-type": "image/jpeg" } });
    const owner = await signedIn(c.ownerUser.id);
    expect((await post(owner, await sampleJpeg())).status).toBe(201);
    const pdf = await post(owner, await samplePdf());
    expect(pdf.status).toBe(400);
    expect(((await pdf.json()) as { error: { message: string } }).error.message).toMatch(/JPEG/);
    expect((await post(await signedIn(c.driverUser.id), await sampleJpeg())).status).toBe(404);
    expect((await post(await signedIn((await ownerAccount()).user.id), await sampleJpeg())).status).toBe(404);
    expect((await post({}, await sampleJpeg())).status).toBe(401);
  });
});
