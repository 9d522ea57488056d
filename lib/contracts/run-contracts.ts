/**
 * The daily contracts job (lib/jobs/registry.ts), docs/decisions/0028-inbox-and-renewals.md:
 *
 * 1. 30 days before an ACTIVE contract ends, its owner gets an e-mail and an inbox message saying
 *    whether it renews: once per contract per term (`endingNoticeSentAt`, cleared at renewal).
 * 2. An ACTIVE contract whose end has come renews (renewal on: `endsAt` moves on by its term,
 *    message contract_renewed) or expires (renewal off: EXPIRED, message contract_ended).
 *
 * Every change is one transaction holding its e-mail, message and audit row, and starts with a
 * conditional update on the row as it was read (status, `endsAt`, the renewal flag, the notice
 * mark). A second run, or a run on another server at the same moment, finds the condition false
 * (PostgreSQL re-checks it after the first transaction's commit) and does nothing: each contract
 * is acted on once. Contracts that are not ACTIVE (pending, cancelled at removal, expired) are
 * never touched.
 */
import type { Tx } from "../server/database";
import { db } from "../server/db";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { log } from "../server/log";
import { enqueueEmail } from "../server/mail/outbox";
import { addDays, addMonths, TIME_ZONE } from "../server/dates";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";
import { messagesFor } from "../../i18n/messages";
import type { UserLocale } from "../../i18n/routing";
import { ENDING_NOTICE_DAYS } from "./schemas";

const CONTRACT_SELECT = {
  id: true,
  product: true,
  durationMonths: true,
  endsAt: true,
  autoRenew: true,
  vehicleId: true,
  vehicle: { select: { make: true, model: true } },
  holding: { select: { user: { select: { id: true, email: true, locale: true, firstName: true } } } },
} as const;

/** A live contract of a car its owner still holds. */
const LIVE = { status: "ACTIVE" as const, holding: { is: { kind: "OWNER" as const, endedAt: null } } };

/** The product's name and the day, as the recipient reads them in an e-mail. */
function mailTexts(locale: string, product: string, endsAt: Date): { product: string; endsAt: string } {
  const { locale: lang, messages } = messagesFor(locale);
  const products = (messages as unknown as { products?: Record<string, string> }).products ?? {};
  return {
    product: Object.hasOwn(products, product) ? products[product]! : product,
    endsAt: new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: TIME_ZONE }).format(endsAt),
  };
}

type Contract = { id: string; product: string; durationMonths: number; endsAt: Date | null; autoRenew: boolean; vehicleId: string; vehicle: { make: string; model: string }; holding: { user: { id: string; email: string; locale: UserLocale; firstName: string } | null } | null };

async function tell(
  tx: Tx,
  c: Contract,
  kind: "contract_ending" | "contract_renewed" | "contract_ended",
  endsAt: Date,
  extra: { renews?: boolean } = {},
): Promise<void> {
  const owner = c.holding?.user;
  if (!owner) return;
  const car = `${c.vehicle.make} ${c.vehicle.model}`;
  const path = `/garage/vehicles/${c.vehicleId}` as const;
  const base = { name: owner.firstName, car, url: appLink(owner.locale, path), ...mailTexts(owner.locale, c.product, endsAt) };
  if (kind === "contract_ending") await enqueueEmail(tx, { to: owner.email, locale: owner.locale, template: "contract-ending", payload: { ...base, months: c.durationMonths, renews: !!extra.renews } });
  else if (kind === "contract_renewed") await enqueueEmail(tx, { to: owner.email, locale: owner.locale, template: "contract-renewed", payload: { ...base, months: c.durationMonths } });
  else await enqueueEmail(tx, { to: owner.email, locale: owner.locale, template: "contract-ended", payload: base });
  await leaveMessage(tx, {
    userId: owner.id,
    vehicleId: c.vehicleId,
    kind,
    link: path,
    data: {
      car,
      product: c.product,
      endsAt: endsAt.toISOString(),
      months: c.durationMonths,
      ...(kind === "contract_ending" ? { renews: extra.renews ? "yes" : "no" } : {}),
    },
  });
}

/** The ending notice for one contract, if it is still due; true when this call sent it. */
async function sendEndingNotice(id: string, endsAt: Date, now: Date): Promise<boolean> {
  return transaction(async (tx) => {
    const marked = await tx.contract.updateMany({ where: { id, ...LIVE, endsAt, endingNoticeSentAt: null }, data: { endingNoticeSentAt: now } });
    if (marked.count !== 1) return false;
    // The row is locked by the update: the renewal flag read now is the one the owner is told.
    const c = await tx.contract.findUniqueOrThrow({ where: { id }, select: CONTRACT_SELECT });
    await tell(tx, c, "contract_ending", endsAt, { renews: c.autoRenew });
    await audit(tx, null, "contract.ending_notice_sent", { entityType: "Contract", entityId: id, vehicleId: c.vehicleId, subjectUserId: c.holding?.user?.id ?? null, data: { autoRenew: c.autoRenew } });
    return true;
  });
}

/** The next end after `now`: the term added once, or as often as a long pause of the job missed. */
export function nextEnd(endsAt: Date, months: number, now: Date): Date {
  let next = addMonths(endsAt, months);
  for (let i = 0; next.getTime() <= now.getTime() && i < 1200; i++) next = addMonths(next, months);
  return next;
}

/** Renews or ends one contract whose end has come; what this call did, or null when nothing was left to do. */
async function settle(c: { id: string; endsAt: Date; autoRenew: boolean; durationMonths: number }, now: Date): Promise<"renewed" | "ended" | null> {
  return transaction(async (tx) => {
    const where = { id: c.id, ...LIVE, endsAt: c.endsAt, autoRenew: c.autoRenew };
    if (c.autoRenew && c.durationMonths >= 1) {
      const endsAt = nextEnd(c.endsAt, c.durationMonths, now);
      const renewed = await tx.contract.updateMany({ where, data: { endsAt, endingNoticeSentAt: null } });
      if (renewed.count !== 1) return null;
      const row = await tx.contract.findUniqueOrThrow({ where: { id: c.id }, select: CONTRACT_SELECT });
      await tell(tx, row, "contract_renewed", endsAt);
      await audit(tx, null, "contract.renewed", {
        entityType: "Contract",
        entityId: c.id,
        vehicleId: row.vehicleId,
        subjectUserId: row.holding?.user?.id ?? null,
        data: { previousEndsAt: c.endsAt.toISOString(), endsAt: endsAt.toISOString() },
      });
      return "renewed";
    }
    const ended = await tx.contract.updateMany({ where, data: { status: "EXPIRED" } });
    if (ended.count !== 1) return null;
    const row = await tx.contract.findUniqueOrThrow({ where: { id: c.id }, select: CONTRACT_SELECT });
    await tell(tx, row, "contract_ended", c.endsAt);
    await audit(tx, null, "contract.expired", { entityType: "Contract", entityId: c.id, vehicleId: row.vehicleId, subjectUserId: row.holding?.user?.id ?? null, data: { endsAt: c.endsAt.toISOString() } });
    return "ended";
  });
}

/** One contract's step; a failure is logged and left for the next run, and the others go on. */
async function attempt<T>(contractId: string, step: () => Promise<T>, counts: { failed: number }): Promise<T | null> {
  try {
    return await step();
  } catch (err) {
    counts.failed++;
    log.error({ err, contractId }, "contracts job: a contract failed; it is tried again next run");
    return null;
  }
}

/** One run of the job at `now`; counts for the log line. */
export async function runContracts(now: Date = new Date()): Promise<{ notices: number; renewed: number; ended: number; failed: number }> {
  const counts = { notices: 0, renewed: 0, ended: 0, failed: 0 };
  const noticeBy = addDays(now, ENDING_NOTICE_DAYS);
  const [ending, due] = await Promise.all([
    db.contract.findMany({ where: { ...LIVE, endingNoticeSentAt: null, endsAt: { gt: now, lte: noticeBy } }, select: { id: true, endsAt: true }, orderBy: { endsAt: "asc" } }),
    db.contract.findMany({ where: { ...LIVE, endsAt: { lte: now } }, select: { id: true, endsAt: true, autoRenew: true, durationMonths: true }, orderBy: { endsAt: "asc" } }),
  ]);
  for (const c of ending) if (await attempt(c.id, () => sendEndingNotice(c.id, c.endsAt!, now), counts)) counts.notices++;
  for (const c of due) {
    const done = await attempt(c.id, () => settle({ ...c, endsAt: c.endsAt! }, now), counts);
    if (done === "renewed") counts.renewed++;
    if (done === "ended") counts.ended++;
  }
  return counts;
}
