/**
 * The owner names their car (Holding.nickname; docs/decisions/0029). The name is the owner's: it
 * shows to them and their drivers, never to a later owner. Empty clears it. Audited.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

export async function setCarName(input: { actor: Actor; vehicleId: string; name?: string }): Promise<{ name: string | null }> {
  assertCan(input.actor, "garage:use");
  const name = input.name?.trim() || null;
  return transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: { vehicleId: input.vehicleId, userId: input.actor.userId, kind: "OWNER", endedAt: null }, select: { id: true, nickname: true } });
    if (!holding) throw new AppError("NOT_FOUND");
    if (holding.nickname === name) return { name };
    await tx.holding.update({ where: { id: holding.id }, data: { nickname: name } });
    await audit(tx, input.actor, "vehicle.named", { entityType: "Holding", entityId: holding.id, vehicleId: input.vehicleId, subjectUserId: input.actor.userId, data: { cleared: name === null } });
    return { name };
  });
}
