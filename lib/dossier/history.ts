/**
 * A car's maintenance record as one timeline, and its mileage line, as a viewer may see them.
 * Entries never change: a correction replaces the entry it points at, which stays in the timeline
 * marked as corrected and drops out of the mileage line. Nobody's name is shown: a workshop's
 * entry names the workshop, an owner's says who reported it relative to the viewer ("you", "the
 * owner", "a previous owner"), so a next owner reads the history without a former owner's data.
 */
import type { Tx } from "../server/database";
import type { ServiceKind, ServiceSource } from "../../generated/prisma/enums";
import { assessLine, type MileageFinding, type Reading, type Verdict } from "./mileage";

/** The most entries a car's record is read with (a car gets a few a year). */
export const MAX_ENTRIES = 1000;

export const ENTRY_SELECT = {
  id: true,
  kind: true,
  source: true,
  performedAt: true,
  mileageKm: true,
  description: true,
  lines: true,
  workshopName: true,
  organisationId: true,
  recordedById: true,
  correctsId: true,
  correctionReason: true,
  createdAt: true,
  organisation: { select: { name: true } },
} as const;

export interface EntryRow {
  id: string;
  kind: ServiceKind;
  source: ServiceSource;
  performedAt: Date;
  mileageKm: number | null;
  description: string;
  lines: string[];
  workshopName: string | null;
  organisationId: string | null;
  recordedById: string | null;
  correctsId: string | null;
  correctionReason: string | null;
  createdAt: Date;
  organisation: { name: string } | null;
}

export async function loadEntries(client: Pick<Tx, "serviceRecord">, vehicleId: string): Promise<EntryRow[]> {
  return client.serviceRecord.findMany({ where: { vehicleId }, orderBy: [{ performedAt: "desc" }, { createdAt: "desc" }], take: MAX_ENTRIES, select: ENTRY_SELECT });
}

/**
 * The mileage line: the reading of every entry no correction replaced, recorded when the first
 * entry of its correction chain was (a correction fixes a reading, it is not a new late one).
 */
export function readingsOf(rows: readonly EntryRow[]): Reading[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const corrected = new Set(rows.map((r) => r.correctsId).filter((x): x is string => !!x));
  const root = (r: EntryRow): EntryRow => {
    let cur = r;
    for (let i = 0; cur.correctsId && i < rows.length; i++) cur = byId.get(cur.correctsId) ?? cur;
    return cur;
  };
  return rows
    .filter((r) => !corrected.has(r.id) && r.mileageKm != null)
    .map((r) => ({ id: r.id, on: r.performedAt, km: r.mileageKm as number, recordedAt: root(r).createdAt, source: r.source }));
}

export type ReportedBy = "workshop" | "you" | "owner" | "previousOwner";

export interface TimelineEntry {
  id: string;
  kind: ServiceKind;
  performedAt: Date;
  mileageKm: number | null;
  description: string;
  lines: string[];
  /** The workshop: the organisation's name, or the name an owner typed (null if none). */
  workshop: string | null;
  reportedBy: ReportedBy;
  recordedAt: Date;
  /** This entry corrects another: its date and why. */
  corrects: { id: string; performedAt: Date } | null;
  correctionReason: string | null;
  /** A later entry replaced this one. */
  correctedBy: string | null;
  /** The plausibility findings of this entry's reading (none for a corrected entry). */
  findings: MileageFinding[];
  /** The viewer may record a correction of it (their organisation's or their own, not yet corrected). */
  correctable: boolean;
  /** For staff: their organisation whose entry it is (it records the correction); null otherwise. */
  ownOrganisationId: string | null;
  /** The invoices and reports of the entry the viewer may read (filled by the query: attachments.ts). */
  attachments: { id: string; name: string; mimeType: string; sizeBytes: number }[];
}

export interface Viewer {
  /** The owner or driver viewing (null for staff). */
  userId: string | null;
  /** The car's current owner. */
  ownerId: string | null;
  /** The organisations whose entries the viewer may correct (staff). */
  organisationIds: readonly string[];
  /** Whether the viewer may correct their own owner entries (the current owner). */
  isOwner: boolean;
}

export interface CarHistory {
  entries: TimelineEntry[];
  mileage: {
    verdict: Verdict;
    points: { id: string; on: Date; km: number; source: ServiceSource; findings: MileageFinding[] }[];
    reasons: { id: string; on: Date; km: number; source: ServiceSource; findings: MileageFinding[]; against: { on: Date; km: number } | null }[];
    latest: { on: Date; km: number } | null;
  };
}

export function buildHistory(rows: readonly EntryRow[], viewer: Viewer): CarHistory {
  const line = assessLine(readingsOf(rows));
  const findings = new Map(line.readings.map((r) => [r.id, r.findings]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const correctedBy = new Map(rows.filter((r) => r.correctsId).map((r) => [r.correctsId as string, r.id]));
  const reportedBy = (r: EntryRow): ReportedBy => {
    if (r.source === "WORKSHOP") return "workshop";
    if (viewer.userId && r.recordedById === viewer.userId) return "you";
    if (viewer.ownerId && r.recordedById === viewer.ownerId) return "owner";
    return "previousOwner";
  };
  const entries = rows.map((r): TimelineEntry => {
    const target = r.correctsId ? byId.get(r.correctsId) : undefined;
    const later = correctedBy.get(r.id) ?? null;
    const own =
      r.source === "WORKSHOP" ? !!r.organisationId && viewer.organisationIds.includes(r.organisationId) : viewer.isOwner && !!viewer.userId && r.recordedById === viewer.userId;
    return {
      id: r.id,
      kind: r.kind,
      performedAt: r.performedAt,
      mileageKm: r.mileageKm,
      description: r.description,
      lines: r.lines,
      workshop: r.source === "WORKSHOP" ? (r.organisation?.name ?? null) : r.workshopName,
      reportedBy: reportedBy(r),
      recordedAt: r.createdAt,
      corrects: r.correctsId ? { id: r.correctsId, performedAt: target?.performedAt ?? r.performedAt } : null,
      correctionReason: r.correctionReason,
      correctedBy: later,
      findings: findings.get(r.id) ?? [],
      correctable: own && !later,
      ownOrganisationId: own && r.source === "WORKSHOP" ? r.organisationId : null,
      attachments: [],
    };
  });
  const point = (r: (typeof line.readings)[number]) => ({ id: r.id, on: r.on, km: r.km, source: r.source, findings: r.findings });
  return {
    entries,
    mileage: {
      verdict: line.verdict,
      points: line.readings.map(point),
      reasons: line.reasons.map((r) => ({ ...point(r), against: r.against })),
      latest: line.latest ? { on: line.latest.on, km: line.latest.km } : null,
    },
  };
}
