/**
 * Central support registers a recall campaign (issue 13, point 5): its texts in each language and
 * the cars it covers, by make, model and model years or by a list of VINs. In one transaction the
 * campaign is stored, each affected car gets its open Recall row (unique per campaign and car), and
 * each affected car's current owner gets an inbox message and an e-mail (through the outbox): all
 * of it or none. A car without an owner (in a garage's stock) gets its row and no message.
 */
import type { Locale } from "../../generated/prisma/enums";
import { assertCan, type Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { isUniqueViolation } from "../server/db-errors";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import type { Tx } from "../server/database";
import { transaction } from "../server/transaction";
import { leaveMessage } from "../messages/leave";
import type { RegisterCampaignInputT } from "./schemas";
import { parseVinList, type RejectedLine } from "./vin-list";

/** A VIN list with rejected lines: nothing was stored; the caller shows the lines. */
export class VinListRejected extends AppError {
  constructor(readonly rejected: RejectedLine[]) {
    super("VALIDATION", "vin_list_rejected", { fieldErrors: { vinsFile: ["vin_list_rejected"] }, params: { count: rejected.length } });
  }
}

export type CampaignTexts = { titleNl: string; titleEn: string; titleFr: string; descriptionNl: string; descriptionEn: string; descriptionFr: string };

/** The campaign's title and description in a recipient's language. */
export function campaignText(c: CampaignTexts, locale: Locale | string): { title: string; description: string } {
  if (locale === "nl") return { title: c.titleNl, description: c.descriptionNl };
  if (locale === "fr") return { title: c.titleFr, description: c.descriptionFr };
  return { title: c.titleEn, description: c.descriptionEn };
}

type Campaign = CampaignTexts & { id: string; code: string; createdAt: Date };

/**
 * Opens the campaign's recall on these cars, once per car: a car that has it already is left
 * alone (no second message). Returns how many cars got it now and how many owners were told.
 */
export async function openRecalls(tx: Tx, campaign: Campaign, vehicleIds: string[]): Promise<{ cars: number; owners: number }> {
  if (!vehicleIds.length) return { cars: 0, owners: 0 };
  const existing = new Set(
    (await tx.recall.findMany({ where: { campaignId: campaign.id, vehicleId: { in: vehicleIds } }, select: { vehicleId: true } })).map((r) => r.vehicleId),
  );
  const fresh = vehicleIds.filter((id) => !existing.has(id));
  if (!fresh.length) return { cars: 0, owners: 0 };
  await tx.recall.createMany({
    data: fresh.map((vehicleId) => ({ vehicleId, campaignId: campaign.id, code: campaign.code, description: campaign.titleEn, issuedAt: campaign.createdAt })),
    skipDuplicates: true,
  });
  const holdings = await tx.holding.findMany({
    where: { vehicleId: { in: fresh }, kind: "OWNER", endedAt: null, userId: { not: null } },
    select: { vehicleId: true, user: { select: { id: true, email: true, firstName: true, locale: true, status: true } }, vehicle: { select: { make: true, model: true } } },
  });
  let owners = 0;
  for (const h of holdings) {
    const u = h.user;
    if (!u) continue;
    const car = `${h.vehicle.make} ${h.vehicle.model}`;
    const link = `/garage/vehicles/${h.vehicleId}` as const;
    await leaveMessage(tx, { userId: u.id, vehicleId: h.vehicleId, kind: "recall_opened", data: { car, code: campaign.code, campaignId: campaign.id }, link });
    const text = campaignText(campaign, u.locale);
    await enqueueEmail(tx, {
      to: u.email,
      locale: u.locale,
      template: "recall-opened",
      payload: { name: u.firstName, car, code: campaign.code, title: text.title, description: text.description, url: appLink(u.locale, link) },
    });
    owners++;
  }
  return { cars: fresh.length, owners };
}

type ScopeFields = "vinsFile" | "make" | "model" | "yearFrom" | "yearTo";
export type RegisterCampaignFields = Omit<RegisterCampaignInputT, ScopeFields> & { make?: string; model?: string; yearFrom?: number; yearTo?: number; csv?: string };

export async function registerCampaign(input: { actor: Actor } & RegisterCampaignFields): Promise<{ campaignId: string; cars: number; owners: number }> {
  const { actor, csv, scope, ...f } = input;
  assertCan(actor, "recalls:register");
  if (scope === "MODEL" && (!f.make || !f.model)) throw new AppError("VALIDATION", "required", { fieldErrors: { make: ["required"] } });
  let vins: string[] = [];
  if (scope === "VINS") {
    const list = parseVinList(csv ?? "");
    if (!list.ok) throw new VinListRejected(list.rejected);
    vins = list.vins;
  }
  try {
    return await transaction(async (tx) => {
      const campaign = await tx.recallCampaign.create({
        data: {
          code: f.code,
          titleNl: f.titleNl,
          titleEn: f.titleEn,
          titleFr: f.titleFr,
          descriptionNl: f.descriptionNl,
          descriptionEn: f.descriptionEn,
          descriptionFr: f.descriptionFr,
          ...(scope === "MODEL" ? { make: f.make, model: f.model, yearFrom: f.yearFrom ?? null, yearTo: f.yearTo ?? null } : { vins }),
          createdById: actor.userId,
        },
        select: { id: true, code: true, createdAt: true, titleNl: true, titleEn: true, titleFr: true, descriptionNl: true, descriptionEn: true, descriptionFr: true },
      });
      const vehicles = await tx.vehicle.findMany({
        where:
          scope === "MODEL"
            ? {
                make: { equals: f.make, mode: "insensitive" },
                model: { equals: f.model, mode: "insensitive" },
                modelYear: { gte: f.yearFrom ?? undefined, lte: f.yearTo ?? undefined },
              }
            : { vin: { in: vins } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const opened = await openRecalls(tx, campaign, vehicles.map((v) => v.id));
      await audit(tx, actor, "recall.campaign_registered", {
        entityType: "RecallCampaign",
        entityId: campaign.id,
        data: { code: campaign.code, scope, cars: opened.cars, owners: opened.owners, vins: vins.length },
      });
      return { campaignId: campaign.id, ...opened };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "campaign_code_taken", { fieldErrors: { code: ["campaign_code_taken"] } });
    throw e;
  }
}
