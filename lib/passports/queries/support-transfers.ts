import { db } from "../../server/db";
import { assertCan, type Actor } from "../../server/authz";
import { normalizePlate } from "../../server/plate";
import { currentPlate } from "./current-plate";

const PAGE = 25;

/** Support: the pending transfers of every garage, searchable by plate or e-mail, newest first. */
export async function listPendingTransfers(actor: Actor, opts: { q?: string; cursor?: string } = {}) {
  assertCan(actor, "transfers:correct");
  const q = (opts.q ?? "").trim().slice(0, 120);
  const rows = await db.passportTransfer.findMany({
    where: {
      status: "PENDING",
      ...(q
        ? {
            OR: [
              { email: { contains: q.toLowerCase() } },
              { passport: { vehicle: { plates: { some: { plate: { contains: normalizePlate(q) }, validTo: null } } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      email: true,
      name: true,
      confirmedAt: true,
      expiresAt: true,
      fromOrganisation: { select: { name: true } },
      passport: { select: { vehicle: { select: { make: true, model: true, plates: currentPlate } } } },
    },
  });
  const items = rows.slice(0, PAGE);
  return { items, nextCursor: rows.length > PAGE ? items[items.length - 1]?.id : undefined };
}
