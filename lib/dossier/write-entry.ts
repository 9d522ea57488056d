/**
 * Writes one entry of a car's maintenance record, inside the caller's transaction: under the
 * car's lock (so two readings recorded at once are judged one after the other), a correction only
 * of an entry of the same car the caller may correct and nobody corrected yet. Returns the
 * plausibility findings of its reading and keeps the car's current mileage (Vehicle.mileageKm,
 * shown by the AutoPaspoort) at the latest reading.
 */
import type { Tx } from "../server/database";
import type { ServiceKind, ServiceSource } from "../../generated/prisma/enums";
import { AppError } from "../server/errors";
import { isUniqueViolation } from "../server/db-errors";
import { lockVehicle } from "../holdings/vehicles";
import { assessLine, type MileageFinding } from "./mileage";
import { loadEntries, readingsOf, type EntryRow } from "./history";

/** What a form gives for an entry (lib/dossier/schemas.ts). */
export interface EntryFields {
  vehicleId: string;
  kind: ServiceKind;
  performedOn: Date;
  mileageKm: number;
  description: string;
  lines: string[];
  correctsId?: string;
  correctionReason?: string;
}

export interface NewEntry extends EntryFields {
  source: ServiceSource;
  organisationId: string | null;
  workshopName: string | null;
  recordedById: string;
}

export async function writeEntry(tx: Tx, entry: NewEntry, mayCorrect: (target: EntryRow) => boolean): Promise<{ entryId: string; findings: MileageFinding[] }> {
  await lockVehicle(tx, entry.vehicleId);
  const rows = await loadEntries(tx, entry.vehicleId);
  if (entry.correctsId) {
    const target = rows.find((r) => r.id === entry.correctsId);
    // Another car's entry, or one the caller may not correct, does not exist for them.
    if (!target || !mayCorrect(target)) throw new AppError("NOT_FOUND", "entry_not_found");
    if (rows.some((r) => r.correctsId === target.id)) throw new AppError("CONFLICT", "entry_already_corrected");
  }
  let created: { id: string; createdAt: Date };
  try {
    created = await tx.serviceRecord.create({
      data: {
        vehicleId: entry.vehicleId,
        kind: entry.kind,
        performedAt: entry.performedOn,
        mileageKm: entry.mileageKm,
        description: entry.description,
        lines: entry.lines,
        source: entry.source,
        organisationId: entry.organisationId,
        workshopName: entry.workshopName,
        recordedById: entry.recordedById,
        correctsId: entry.correctsId ?? null,
        correctionReason: entry.correctsId ? (entry.correctionReason ?? null) : null,
      },
      select: { id: true, createdAt: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "entry_already_corrected");
    throw e;
  }
  const row: EntryRow = {
    ...entry,
    id: created.id,
    createdAt: created.createdAt,
    performedAt: entry.performedOn,
    correctsId: entry.correctsId ?? null,
    correctionReason: entry.correctionReason ?? null,
    organisation: null,
  };
  const line = assessLine(readingsOf([row, ...rows]));
  const findings = line.readings.find((r) => r.id === created.id)?.findings ?? [];
  if (line.latest) await tx.vehicle.update({ where: { id: entry.vehicleId }, data: { mileageKm: line.latest.km } });
  return { entryId: created.id, findings };
}
