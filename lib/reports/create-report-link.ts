/**
 * The car's owner makes a link to its buyer report (docs/decisions/0036): valid the number of
 * days they choose (1 to 30), shown once (the database keeps only the token's hash), audited.
 * Only the current owner may; anyone else gets NOT_FOUND.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { hit } from "../server/rate-limit";
import { newToken } from "../server/tokens";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { ownerHolding, MAX_LIVE_REPORT_LINKS, REPORT_LINK_LIMIT, reportPath } from "./common";
import { ReportDays } from "./schemas";

const DAY_MS = 86_400_000;

export async function createReportLink(input: { actor: Actor; vehicleId: string; days: number; locale: string; now?: Date }): Promise<{ linkId: string; url: string; expiresAt: Date }> {
  assertCan(input.actor, "garage:use");
  const days = ReportDays.parse(input.days);
  const now = input.now ?? new Date();
  // The car first: a stranger's call counts against nothing and learns nothing.
  await ownerHolding(db, input.actor, input.vehicleId);
  if (!(await hit(db, `report-link:${input.actor.userId}`, REPORT_LINK_LIMIT, now))) throw new AppError("RATE_LIMITED");
  const { token, hash } = newToken();
  return transaction(async (tx) => {
    await lockVehicle(tx, input.vehicleId);
    const owner = await ownerHolding(tx, input.actor, input.vehicleId);
    const live = await tx.reportLink.count({ where: { ownerHoldingId: owner.id, revokedAt: null, expiresAt: { gt: now } } });
    if (live >= MAX_LIVE_REPORT_LINKS) throw new AppError("CONFLICT", "report_links_live", { params: { max: MAX_LIVE_REPORT_LINKS } });
    const link = await tx.reportLink.create({
      data: { tokenHash: hash, ownerHoldingId: owner.id, expiresAt: new Date(now.getTime() + days * DAY_MS), createdAt: now },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, input.actor, "report.link_created", { entityType: "ReportLink", entityId: link.id, vehicleId: input.vehicleId, subjectUserId: input.actor.userId, data: { days } });
    return { linkId: link.id, url: appLink(input.locale, reportPath(token)), expiresAt: link.expiresAt };
  });
}
