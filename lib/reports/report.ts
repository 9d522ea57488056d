/**
 * The buyer report behind a link (docs/decisions/0036): the car (make, model, year, plate, VIN),
 * its service history with the workshops, the mileage line and its verdict, the open recalls and
 * the warranties with something left, as of now. Nobody's personal data: no owner, driver or
 * staff member is named (an owner's entry says "the owner" or "a previous owner", a workshop's
 * names the organisation), no nickname, photo, contract or attachment.
 *
 * A link works while it is not revoked, not expired, and the owner who made it still holds the
 * car. Opening it counts a view, in the same statement that checks it (no read-then-write race).
 */
import { db } from "../server/db";
import { hashToken } from "../server/tokens";
import { today } from "../server/dates";
import type { Fuel, PlateCountry } from "../../generated/prisma/enums";
import { languageOf } from "../../i18n/routing";
import { buildHistory, loadEntries, type CarHistory } from "../dossier/history";
import { currentOwnerId } from "../dossier/access";
import { campaignText } from "../recalls/register-campaign";
import { warrantyLeft } from "../recalls/warranty-left";
import type { RecallView, WarrantyView } from "../recalls/queries";

export interface BuyerReport {
  vehicle: { make: string; model: string; modelYear: number; vin: string; fuel: Fuel; plate: { plate: string; country: PlateCountry } | null };
  history: CarHistory;
  recalls: RecallView[];
  warranties: WarrantyView[];
  /** The moment the report was read: the "verified by Autodossier" date. */
  verifiedAt: Date;
  expiresAt: Date;
}

export type ReportResult = { state: "ok"; report: BuyerReport } | { state: "gone" } | { state: "invalid" };

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** Where a link that works must stand: not revoked, not expired, its owner still holding the car. */
const live = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now }, ownerHolding: { is: { endedAt: null, kind: "OWNER" as const } } });

/** The report's content for a car, in the reader's language (campaign texts). */
export async function buildReport(vehicleId: string, locale: string, now = new Date()): Promise<Omit<BuyerReport, "expiresAt">> {
  const [vehicle, rows, ownerId, recalls, warranties] = await Promise.all([
    db.vehicle.findUniqueOrThrow({
      where: { id: vehicleId },
      select: { make: true, model: true, modelYear: true, vin: true, fuel: true, mileageKm: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } },
    }),
    loadEntries(db, vehicleId),
    currentOwnerId(db, vehicleId),
    db.recall.findMany({
      where: { vehicleId, resolvedAt: null },
      orderBy: { issuedAt: "desc" },
      take: 50,
      select: { id: true, code: true, description: true, issuedAt: true, campaign: { select: { titleNl: true, titleEn: true, titleFr: true, descriptionNl: true, descriptionEn: true, descriptionFr: true } } },
    }),
    db.warranty.findMany({ where: { vehicleId }, orderBy: { startsAt: "asc" }, take: 20, select: { id: true, kind: true, provider: true, description: true, startsAt: true, endsAt: true, maxKm: true } }),
  ]);
  // Nobody views as owner, driver or staff: every owner entry is "the owner" or "a previous owner".
  const history = buildHistory(rows, { userId: null, ownerId, organisationIds: [], isOwner: false });
  const t = today(now);
  const lang = languageOf(locale);
  return {
    vehicle: { make: vehicle.make, model: vehicle.model, modelYear: vehicle.modelYear, vin: vehicle.vin, fuel: vehicle.fuel, plate: vehicle.plates[0] ?? null },
    history: { ...history, entries: history.entries.map((e) => ({ ...e, correctable: false, ownOrganisationId: null, attachments: [] })) },
    recalls: recalls.map((r) => ({
      id: r.id,
      code: r.code,
      ...(r.campaign ? campaignText(r.campaign, lang) : { title: r.description, description: "" }),
      issuedAt: r.issuedAt,
      resolvedAt: null,
      resolvedBy: null,
    })),
    warranties: warranties
      .map((w) => ({ ...w, fromContract: false, left: warrantyLeft(w, t, vehicle.mileageKm) }))
      .filter((w) => !w.left.ended),
    verifiedAt: now,
  };
}

/**
 * The report behind a token. `count: true` (the report page) counts one view, atomically with
 * the check; the PDF download does not count (it is a copy of a page already viewed).
 */
export async function readReport(token: string, options: { locale: string; count: boolean; now?: Date }): Promise<ReportResult> {
  if (!TOKEN.test(token)) return { state: "invalid" };
  const now = options.now ?? new Date();
  const tokenHash = hashToken(token);
  if (options.count) {
    const counted = await db.reportLink.updateMany({ where: { tokenHash, ...live(now) }, data: { views: { increment: 1 }, lastViewedAt: now } });
    if (counted.count !== 1) return (await db.reportLink.count({ where: { tokenHash } })) ? { state: "gone" } : { state: "invalid" };
  }
  const link = await db.reportLink.findUnique({ where: { tokenHash }, select: { expiresAt: true, revokedAt: true, ownerHolding: { select: { vehicleId: true, endedAt: true, kind: true } } } });
  if (!link) return { state: "invalid" };
  if (link.revokedAt || link.expiresAt <= now || link.ownerHolding.endedAt || link.ownerHolding.kind !== "OWNER") return { state: "gone" };
  const report = await buildReport(link.ownerHolding.vehicleId, options.locale, now);
  return { state: "ok", report: { ...report, expiresAt: link.expiresAt } };
}
