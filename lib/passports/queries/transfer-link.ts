import { db } from "../../server/db";
import { hashToken } from "../../server/tokens";
import { totalCents } from "../amount";
import { inCurrentPeriod } from "../common";
import { currentPlate } from "./current-plate";

export type TransferLinkState = "valid" | "accepted" | "declined" | "cancelled" | "expired" | "invalid";

/** What the transfer link shows before anyone acts on it. */
export async function getTransferByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const t = await db.passportTransfer.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      email: true,
      confirmedAt: true,
      toUser: { select: { id: true, status: true } },
      fromOrganisation: { select: { name: true } },
      passport: {
        select: {
          status: true,
          activatedAt: true,
          costItems: { select: { amountCents: true } },
          vehicle: { select: { make: true, model: true, modelYear: true, plates: currentPlate } },
        },
      },
    },
  });
  if (!t || t.status === "SUPERSEDED" || !t.toUser || t.toUser.status === "DISABLED") return null;
  const state: TransferLinkState =
    t.status === "ACCEPTED" ? "accepted" : t.status === "DECLINED" ? "declined" : t.status === "CANCELLED" ? "cancelled" : t.expiresAt <= new Date() ? "expired" : "valid";
  const v = t.passport.vehicle;
  return {
    id: t.id,
    state,
    email: t.email,
    recipientId: t.toUser.id,
    newAccount: t.toUser.status === "INVITED",
    garage: t.fromOrganisation.name,
    car: { make: v.make, model: v.model, modelYear: v.modelYear, plate: v.plates[0] ?? null },
    // The costs are those of the current stock period: an earlier buyer's old link does not show them.
    totalCents: inCurrentPeriod(t, t.passport) ? totalCents(t.passport.costItems) : 0,
  };
}
