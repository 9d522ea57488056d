/**
 * Server-only reads of a car's recalls, warranties and due maintenance for pages, scoped to the
 * actor as the dossier is (lib/dossier/access.ts): a car the actor may not see reads as null.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { today } from "../server/dates";
import type { MaintenanceDueStatus, ServiceSource, WarrantyKind } from "../../generated/prisma/enums";
import { servicingOrganisations } from "../dossier/access";
import { vehicleFacts, viewerHoldingOf } from "../holdings/viewer";
import { campaignText } from "./register-campaign";
import { warrantyLeft, type WarrantyLeft } from "./warranty-left";
import { REMIND_DAYS_BEFORE, REMIND_KM_BEFORE } from "../maintenance/reminders";

/** The product whose ACTIVE contract is an extended warranty (lib/linking/products.ts). */
export const EXTENDED_WARRANTY_PRODUCT = "WARRANTY_PLUS";
const DAY = 86_400_000;

export interface RecallView {
  id: string;
  code: string;
  title: string;
  description: string;
  issuedAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

export interface WarrantyView {
  id: string;
  kind: WarrantyKind;
  provider: string | null;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  maxKm: number | null;
  fromContract: boolean;
  left: WarrantyLeft;
}

export interface DueView {
  id: string;
  description: string;
  dueOn: Date | null;
  dueKm: number | null;
  source: ServiceSource;
  setByYou: boolean;
  workshop: string | null;
  status: "ok" | "soon" | "overdue";
}

export interface CarCare {
  recalls: RecallView[];
  warranties: WarrantyView[];
  due: DueView | null;
  latestKm: number | null;
}

const RECALL_SELECT = {
  id: true,
  code: true,
  description: true,
  issuedAt: true,
  resolvedAt: true,
  serviceRecordId: true,
  campaign: { select: { titleNl: true, titleEn: true, titleFr: true, descriptionNl: true, descriptionEn: true, descriptionFr: true } },
} as const;

function dueStatus(d: { dueOn: Date | null; dueKm: number | null }, t: Date, km: number | null): DueView["status"] {
  if ((d.dueOn && d.dueOn.getTime() < t.getTime()) || (d.dueKm !== null && km !== null && km >= d.dueKm)) return "overdue";
  if ((d.dueOn && d.dueOn.getTime() - t.getTime() <= REMIND_DAYS_BEFORE * DAY) || (d.dueKm !== null && km !== null && km >= d.dueKm - REMIND_KM_BEFORE)) return "soon";
  return "ok";
}

/** Reads the car's care data; `ownerUserId` adds the owner's extended-warranty contracts. */
async function loadCare(vehicleId: string, locale: string, viewer: { userId: string; withContracts: boolean }): Promise<CarCare> {
  const [vehicle, recalls, warranties, contracts, due] = await Promise.all([
    // The car's page reads these facts already (one read per render, lib/holdings/viewer.ts).
    vehicleFacts(vehicleId),
    db.recall.findMany({ where: { vehicleId }, orderBy: [{ resolvedAt: { sort: "desc", nulls: "first" } }, { issuedAt: "desc" }], take: 50, select: RECALL_SELECT }),
    db.warranty.findMany({ where: { vehicleId }, orderBy: { startsAt: "asc" }, take: 20 }),
    viewer.withContracts
      ? db.contract.findMany({
          where: { vehicleId, product: EXTENDED_WARRANTY_PRODUCT, status: "ACTIVE", holding: { is: { userId: viewer.userId, kind: "OWNER", endedAt: null } } },
          select: { id: true, startsAt: true, endsAt: true, provider: { select: { name: true } } },
        })
      : Promise.resolve([]),
    db.maintenanceDue.findFirst({
      where: { vehicleId, status: "OPEN" satisfies MaintenanceDueStatus },
      orderBy: { createdAt: "desc" },
      select: { id: true, description: true, dueOn: true, dueKm: true, source: true, setById: true, organisationId: true },
    }),
  ]);
  const t = today();
  const km = vehicle.mileageKm;
  // The workshops named: the one that set the due service, and those whose entries resolved a recall.
  const entryIds = recalls.map((r) => r.serviceRecordId).filter((x): x is string => !!x);
  const [dueOrg, entries] = await Promise.all([
    due?.organisationId ? db.organisation.findUnique({ where: { id: due.organisationId }, select: { name: true } }) : null,
    entryIds.length ? db.serviceRecord.findMany({ where: { id: { in: entryIds }, vehicleId }, select: { id: true, organisation: { select: { name: true } } } }) : [],
  ]);
  const workshopName = dueOrg?.name ?? null;
  const resolvedBy = new Map(entries.map((e) => [e.id, e.organisation?.name ?? null]));
  return {
    latestKm: km,
    recalls: recalls.map((r) => {
      const text = r.campaign ? campaignText(r.campaign, locale) : { title: r.description, description: "" };
      return { id: r.id, code: r.code, ...text, issuedAt: r.issuedAt, resolvedAt: r.resolvedAt, resolvedBy: r.serviceRecordId ? (resolvedBy.get(r.serviceRecordId) ?? null) : null };
    }),
    warranties: [
      ...warranties.map((w) => ({
        id: w.id,
        kind: w.kind,
        provider: w.provider,
        description: w.description,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        maxKm: w.maxKm,
        fromContract: false,
        left: warrantyLeft(w, t, km),
      })),
      ...contracts
        .filter((c) => c.startsAt)
        .map((c) => {
          // A contract ends at an instant; its last covered day is the calendar day before.
          const endsAt = c.endsAt ? today(new Date(c.endsAt.getTime() - 1)) : null;
          return {
            id: c.id,
            kind: "EXTENDED" as const,
            provider: c.provider?.name ?? null,
            description: null,
            startsAt: today(c.startsAt as Date),
            endsAt,
            maxKm: null,
            fromContract: true,
            left: warrantyLeft({ endsAt, maxKm: null }, t, km),
          };
        }),
    ],
    due: due
      ? {
          id: due.id,
          description: due.description,
          dueOn: due.dueOn,
          dueKm: due.dueKm,
          source: due.source,
          setByYou: due.setById === viewer.userId,
          workshop: workshopName,
          status: dueStatus(due, t, km),
        }
      : null,
  };
}

/** For the car page: its current owner or authorised driver; the owner also sees the extended warranty of their contracts. */
export async function getOwnerCarCare(actor: Actor, vehicleId: string, locale: string): Promise<(CarCare & { isOwner: boolean }) | null> {
  const holding = await viewerHoldingOf(actor, vehicleId);
  if (!holding) return null;
  const isOwner = holding.kind === "OWNER";
  return { ...(await loadCare(vehicleId, locale, { userId: actor.userId, withContracts: isOwner })), isOwner };
}

/** For the console's car page: staff of an organisation that services the car (no contracts). */
export async function getWorkshopCarCare(actor: Actor, vehicleId: string, locale: string): Promise<CarCare | null> {
  const orgs = await servicingOrganisations(db, actor, vehicleId);
  if (!orgs.length) return null;
  return loadCare(vehicleId, locale, { userId: actor.userId, withContracts: false });
}

export interface CampaignRow {
  id: string;
  code: string;
  title: string;
  make: string | null;
  model: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  vinCount: number;
  cars: number;
  open: number;
  createdAt: Date;
}

/** Support's list of campaigns, newest first, with how many cars each reached and how many are open. */
export async function listCampaigns(actor: Actor, locale: string): Promise<CampaignRow[]> {
  assertCan(actor, "recalls:register");
  const rows = await db.recallCampaign.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      code: true,
      titleNl: true,
      titleEn: true,
      titleFr: true,
      descriptionNl: true,
      descriptionEn: true,
      descriptionFr: true,
      make: true,
      model: true,
      yearFrom: true,
      yearTo: true,
      vins: true,
      createdAt: true,
      _count: { select: { recalls: true } },
    },
  });
  const open = await db.recall.groupBy({ by: ["campaignId"], where: { campaignId: { in: rows.map((r) => r.id) }, resolvedAt: null }, _count: { _all: true } });
  const openBy = new Map(open.map((o) => [o.campaignId, o._count._all]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: campaignText(r, locale).title,
    make: r.make,
    model: r.model,
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    vinCount: r.vins.length,
    cars: r._count.recalls,
    open: openBy.get(r.id) ?? 0,
    createdAt: r.createdAt,
  }));
}
