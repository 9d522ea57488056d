/** Reading a transfer from the recipient's side: by its link or by its id, and whether it is still open. */
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { hashToken } from "../server/tokens";
import { carLabel, plateLabel } from "./common";
import { appLink } from "../server/urls";

const SELECT = {
  id: true,
  status: true,
  expiresAt: true,
  toUserId: true,
  // The recipient's own details, for an acceptance by them (lib/passports/accept-transfer.ts).
  toUser: { select: { id: true, email: true, firstName: true, locale: true } },
  email: true,
  name: true,
  street: true,
  postalCode: true,
  city: true,
  fromOrganisationId: true,
  fromOrganisation: { select: { name: true } },
  confirmedById: true,
  passport: {
    select: {
      id: true,
      vehicleId: true,
      status: true,
      vehicle: { select: { make: true, model: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" as const } } } },
    },
  },
} as const;

export async function transferByToken(tx: Tx, token: string) {
  return tx.passportTransfer.findUnique({ where: { tokenHash: hashToken(token) }, select: SELECT });
}

export async function transferForRecipient(tx: Tx, transferId: string, userId: string) {
  return tx.passportTransfer.findFirst({ where: { id: transferId, toUserId: userId }, select: SELECT });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof transferByToken>>>;
export type OpenTransfer = Loaded & { toUserId: string; car: string; plate: string };

/** A transfer that can still be accepted or declined, or the reason why not. */
export function assertOpen(t: Loaded | null, now = new Date()): OpenTransfer {
  if (!t || !t.toUserId) throw new AppError("NOT_FOUND", "transfer_invalid");
  if (t.status === "ACCEPTED") throw new AppError("GONE", "transfer_used");
  if (t.status === "DECLINED") throw new AppError("GONE", "transfer_declined");
  if (t.status === "CANCELLED") throw new AppError("GONE", "transfer_cancelled");
  // Support corrected the address: the old link is dead, as if it never existed.
  if (t.status === "SUPERSEDED") throw new AppError("NOT_FOUND", "transfer_invalid");
  if (t.expiresAt <= now) throw new AppError("GONE", "transfer_expired");
  return { ...t, toUserId: t.toUserId, car: carLabel(t.passport.vehicle), plate: plateLabel(t.passport.vehicle.plates) };
}

/** A garage staff member's link back to the customer profile. */
export function profileUrl(locale: string, passportId: string): string {
  return appLink(locale, `/console/passports/${passportId}`);
}
