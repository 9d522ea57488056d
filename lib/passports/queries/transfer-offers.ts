import { db } from "../../server/db";
import { assertCan, type Actor } from "../../server/authz";
import { currentPlate } from "./current-plate";

/** Pending transfers to the signed-in user: the notifications shown in their garage. */
export async function listTransferOffers(actor: Actor) {
  assertCan(actor, "garage:use");
  const rows = await db.passportTransfer.findMany({
    where: { toUserId: actor.userId, status: "PENDING", expiresAt: { gt: new Date() } },
    orderBy: { confirmedAt: "desc" },
    take: 20,
    select: {
      id: true,
      confirmedAt: true,
      expiresAt: true,
      fromOrganisation: { select: { name: true } },
      passport: { select: { vehicle: { select: { make: true, model: true, modelYear: true, plates: currentPlate } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    confirmedAt: r.confirmedAt,
    expiresAt: r.expiresAt,
    garage: r.fromOrganisation.name,
    make: r.passport.vehicle.make,
    model: r.passport.vehicle.model,
    modelYear: r.passport.vehicle.modelYear,
    plate: r.passport.vehicle.plates[0] ?? null,
  }));
}
