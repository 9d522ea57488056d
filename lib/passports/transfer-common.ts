/**
 * The recipient side of a transfer, shared by confirming (garage) and correcting (support): the
 * buyer's account (created INVITED, without a password, when the address has none), the portal
 * notification for an existing account, and the e-mail with the transfer link.
 */
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { appLink } from "../server/urls";
import type { UserLocale as Locale } from "../../i18n/routing";
import { withdrawActivationLinks } from "../accounts/activation-links";

export type RecipientKind = "new" | "existing";
export interface Recipient {
  id: string;
  email: string;
  firstName: string;
  locale: Locale;
  kind: RecipientKind;
}

/** The buyer's inbox message about a pending transfer (an account that exists only): accepted or declined in the garage. */
export const TRANSFER_MESSAGE_KIND = "transfer_received";

export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  return { firstName: (parts[0] ?? "").slice(0, 100), lastName: parts.slice(1).join(" ").slice(0, 100) };
}

/**
 * A transfer that will not happen (withdrawn, declined, or sent to a mistyped address that support
 * corrected) leaves nothing of the buyer's name and address on an account nobody activated: the
 * details it was created with are cleared. They stay on the transfer row, the garage's record.
 */
export async function forgetUnclaimedRecipient(tx: Tx, transfer: { toUserId: string | null; name: string; street?: string | null; postalCode?: string | null; city?: string | null }): Promise<void> {
  if (!transfer.toUserId) return;
  await tx.user.updateMany({
    where: { id: transfer.toUserId, status: "INVITED", passwordHash: null, ...splitName(transfer.name) },
    data: { firstName: "", lastName: "", street: null, postalCode: null, city: null },
  });
}

/** An active account is notified; an address without one gets an INVITED account that the transfer link activates. */
export async function resolveRecipient(
  tx: Tx,
  input: { email: string; name: string; locale: Locale; street?: string | null; postalCode?: string | null; city?: string | null },
): Promise<Recipient> {
  const select = { id: true, email: true, firstName: true, locale: true, status: true } as const;
  const user = await tx.user.upsert({
    where: { email: input.email },
    update: {},
    create: {
      email: input.email,
      status: "INVITED",
      locale: input.locale,
      ...splitName(input.name),
      street: input.street ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
    },
    select,
  });
  if (user.status === "DISABLED") throw new AppError("CONFLICT", "recipient_unavailable", { fieldErrors: { email: ["recipient_unavailable"] } });
  // A link from an earlier sign-up for this address (perhaps somebody else's) no longer activates it: the transfer link does.
  if (user.status === "INVITED") await withdrawActivationLinks(tx, { id: user.id });
  return { id: user.id, email: user.email, firstName: user.firstName, locale: user.locale, kind: user.status === "ACTIVE" ? "existing" : "new" };
}

export function transferUrl(locale: Locale, token: string): string {
  return appLink(locale, `/transfers/${token}`);
}

/** The portal notification (existing accounts) and the e-mail carrying the transfer link. */
export async function notifyRecipient(
  tx: Tx,
  input: { recipient: Recipient; transferId: string; vehicleId: string; token: string; garage: string; car: string; plate: string; name: string },
): Promise<void> {
  const { recipient } = input;
  if (recipient.kind === "existing") {
    await leaveMessage(tx, {
      userId: recipient.id,
      vehicleId: input.vehicleId,
      kind: TRANSFER_MESSAGE_KIND,
      data: { transferId: input.transferId, garage: input.garage, car: input.car, plate: input.plate },
      link: "/garage",
    });
  }
  await enqueueEmail(tx, {
    to: recipient.email,
    locale: recipient.locale,
    template: recipient.kind === "existing" ? "passport-transfer-offer" : "passport-transfer-new",
    payload: {
      name: recipient.kind === "existing" ? recipient.firstName : input.name,
      garage: input.garage,
      car: input.car,
      plate: input.plate,
      url: transferUrl(recipient.locale, input.token),
    },
  });
}

/**
 * The recipient's notification about a transfer is settled (accepted, declined, withdrawn,
 * corrected). It was left for the transfer's recipient (`toUserId`, notifyRecipient above): found
 * through their unread messages (the index on userId and readAt), not by a scan of everyone's.
 */
export async function settleMessages(tx: Tx, transfer: { id: string; toUserId: string | null }): Promise<void> {
  if (!transfer.toUserId) return;
  await tx.message.updateMany({
    where: { userId: transfer.toUserId, kind: TRANSFER_MESSAGE_KIND, readAt: null, data: { path: ["transferId"], equals: transfer.id } },
    data: { readAt: new Date() },
  });
}
