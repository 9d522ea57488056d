/**
 * A service entry's invoice or report (issue 13 point 1, decision 0030): checked and stored
 * encrypted with the entry, read by the workshop that recorded it and the owner who held the car
 * then; a later owner sees the entry without it; another workshop, a driver and a former owner
 * read not found.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import type { Actor } from "@/lib/server/authz";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { recordOwnerEntry } from "@/lib/dossier/record-owner-entry";
import { getOwnerCarHistory, getWorkshopCar } from "@/lib/dossier/queries";
import { readAttachment } from "@/lib/dossier/attachments";
import { ATTACHMENTS_FOLDER } from "@/lib/dossier/attachment-storage";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { MAX_DOCUMENT_BYTES } from "@/lib/verification/schemas";
import { actorFor } from "../factories";
import { dealerStaff, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";
import { sampleJpeg, samplePdf } from "../factories/verification";

const yesterday = () => new Date(today().getTime() - 86_400_000);
const folder = () => path.join(process.env.DOCUMENTS_DIR!, ATTACHMENTS_FOLDER);
const stored = () => {
  try {
    return readdirSync(folder()).filter((f) => /^[a-f0-9]{64}$/.test(f));
  } catch {
    return [];
  }
};

async function dealerCar() {
  const dealer = await dealerStaff();
  const owner = await ownerAccount();
  const car = await ownedVehicle({ ownerId: owner.user.id, linkedByOrganisationId: dealer.org.id });
  return { dealer, owner, car, vehicleId: car.vehicle.id, driver: await actorFor(car.driverUser.id) };
}

const withFile = (actor: Actor, vehicleId: string, bytes: Buffer, name = "Factuur 2026-001.pdf") =>
  recordWorkshopEntry({ actor, vehicleId, kind: "SERVICE", performedOn: yesterday(), mileageKm: 13_000, description: "Annual service", lines: [], attachment: { bytes, name } });

describe("a workshop records a service with its invoice", () => {
  it("stores it encrypted (the bytes on disk are not the upload) and the owner and the workshop read it", async () => {
    const { dealer, owner, vehicleId } = await dealerCar();
    const pdf = await samplePdf();
    const before = stored();
    const e = await withFile(dealer.actor, vehicleId, pdf);
    const a = await db.serviceAttachment.findFirstOrThrow({ where: { serviceRecordId: e.entryId } });
    expect(a).toMatchObject({ mimeType: "application/pdf", originalName: "Factuur 2026-001.pdf", holderId: owner.user.id, uploadedById: dealer.user.id });
    expect(stored().filter((f) => !before.includes(f))).toEqual([a.storageKey]);
    const onDisk = readFileSync(path.join(folder(), a.storageKey));
    expect(onDisk.includes(Buffer.from("%PDF"))).toBe(false);
    expect(onDisk.subarray(0, 4).toString()).toBe("ADV1");

    const h = await getOwnerCarHistory(owner.actor, vehicleId);
    expect(h?.entries.find((x) => x.id === e.entryId)?.attachments).toEqual([{ id: a.id, name: "Factuur 2026-001.pdf", mimeType: "application/pdf", sizeBytes: a.sizeBytes }]);
    const asOwner = await readAttachment({ actor: owner.actor, attachmentId: a.id });
    expect(asOwner.data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(asOwner.data.length).toBe(a.sizeBytes);
    expect((await readAttachment({ actor: dealer.actor, attachmentId: a.id })).name).toBe("Factuur 2026-001.pdf");
    expect((await getWorkshopCar(dealer.actor, vehicleId))?.entries.find((x) => x.id === e.entryId)?.attachments).toHaveLength(1);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "service.recorded", entityId: e.entryId } });
    expect(log.data).toMatchObject({ attachmentId: a.id });
  });

  it("another workshop, the owner's driver, another owner and the uploader's neighbours read not found", async () => {
    const { dealer, vehicleId, driver } = await dealerCar();
    const e = await withFile(dealer.actor, vehicleId, await samplePdf());
    const a = await db.serviceAttachment.findFirstOrThrow({ where: { serviceRecordId: e.entryId } });
    const other = await dealerStaff();
    const stranger = await ownerAccount();
    for (const actor of [other.actor, driver, stranger.actor]) await expectAppError(readAttachment({ actor, attachmentId: a.id }), "NOT_FOUND");
    // The driver sees the entry, not the invoice.
    const h = await getOwnerCarHistory(driver, vehicleId);
    expect(h?.entries.find((x) => x.id === e.entryId)?.attachments).toEqual([]);
  });

  it("refuses a file that is not a PDF or photo, an empty one and one over 10 MB, and records nothing", async () => {
    const { dealer, vehicleId } = await dealerCar();
    const before = stored();
    const entries = await db.serviceRecord.count({ where: { vehicleId } });
    await expectAppError(withFile(dealer.actor, vehicleId, Buffer.from("plain text, not an invoice"), "x.pdf"), "VALIDATION", "file_type");
    await expectAppError(withFile(dealer.actor, vehicleId, Buffer.alloc(0)), "VALIDATION", "file_empty");
    const big = Buffer.concat([await samplePdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    await expectAppError(withFile(dealer.actor, vehicleId, big), "VALIDATION", "file_too_large");
    expect(await db.serviceRecord.count({ where: { vehicleId } })).toBe(entries);
    expect(stored()).toEqual(before);
  });

  it("a workshop that does not service the car gets not found before its file is even read, and nothing is stored", async () => {
    const { vehicleId } = await dealerCar();
    const other = await dealerStaff();
    const before = stored();
    await expectAppError(withFile(other.actor, vehicleId, await samplePdf()), "NOT_FOUND");
    expect(stored()).toEqual(before);
  });

  it("an entry that fails in its transaction leaves no file behind", async () => {
    const { dealer, vehicleId } = await dealerCar();
    const first = await withFile(dealer.actor, vehicleId, await samplePdf());
    await recordWorkshopEntry({ actor: dealer.actor, vehicleId, kind: "SERVICE", performedOn: yesterday(), mileageKm: 13_000, description: "fix", lines: [], correctsId: first.entryId, correctionReason: "typo" });
    const before = stored();
    // A second correction of the same entry is refused inside the transaction, after the file was stored.
    await expectAppError(
      recordWorkshopEntry({ actor: dealer.actor, vehicleId, kind: "SERVICE", performedOn: yesterday(), mileageKm: 13_000, description: "again", lines: [], correctsId: first.entryId, correctionReason: "x", attachment: { bytes: await samplePdf(), name: "a.pdf" } }),
      "CONFLICT",
    );
    expect(stored()).toEqual(before);
  });
});

describe("a later owner sees the entry without the attachment", () => {
  it("after a change of owner: the next owner reads the entry but not its invoice; the former owner nothing; the workshop still reads it", async () => {
    const { dealer, owner, vehicleId } = await dealerCar();
    const e = await withFile(dealer.actor, vehicleId, await samplePdf());
    const a = await db.serviceAttachment.findFirstOrThrow({ where: { serviceRecordId: e.entryId } });
    await removeVehicle({ actor: owner.actor, vehicleId, understood: true });
    const next = await ownerAccount();
    await db.holding.create({ data: { vehicleId, kind: "OWNER", userId: next.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealer.org.id } });

    const h = await getOwnerCarHistory(next.actor, vehicleId);
    const entry = h?.entries.find((x) => x.id === e.entryId);
    expect(entry).toMatchObject({ description: "Annual service", attachments: [] });
    await expectAppError(readAttachment({ actor: next.actor, attachmentId: a.id }), "NOT_FOUND");
    await expectAppError(readAttachment({ actor: owner.actor, attachmentId: a.id }), "NOT_FOUND");
    expect((await readAttachment({ actor: dealer.actor, attachmentId: a.id })).mimeType).toBe("application/pdf");
    // The rows never change: the attachment table is append-only like the entries.
    await expect(db.serviceAttachment.update({ where: { id: a.id }, data: { originalName: "other.pdf" } })).rejects.toThrow(/append-only/);
    await expect(db.serviceAttachment.delete({ where: { id: a.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "ServiceAttachment"`)).rejects.toThrow(/append-only/);
  });

  it("an owner's own entry with a photo: the owner reads it (re-encoded); a workshop and another owner do not", async () => {
    const { dealer, owner, vehicleId } = await dealerCar();
    const e = await recordOwnerEntry({ actor: owner.actor, vehicleId, kind: "TYRES", performedOn: yesterday(), mileageKm: 12_500, description: "Winter tyres", lines: [], attachment: { bytes: await sampleJpeg(), name: "bon.jpeg" } });
    const a = await db.serviceAttachment.findFirstOrThrow({ where: { serviceRecordId: e.entryId } });
    expect(a).toMatchObject({ mimeType: "image/jpeg", originalName: "bon.jpg", holderId: owner.user.id });
    expect((await readAttachment({ actor: owner.actor, attachmentId: a.id })).data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    await expectAppError(readAttachment({ actor: dealer.actor, attachmentId: a.id }), "NOT_FOUND");
    await expectAppError(readAttachment({ actor: (await ownerAccount()).actor, attachmentId: a.id }), "NOT_FOUND");
  });
});
