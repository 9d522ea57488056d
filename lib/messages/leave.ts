/**
 * The owner's inbox (issue 13, point 6): every event that e-mails an owner also leaves a message
 * here, in the same transaction as the e-mail, so both happen or neither does.
 *
 * A message stores its kind and the parameters its text needs (keys into the message files under
 * `inbox.kinds.<kind>`), never rendered text: it reads in the language the owner reads the portal
 * in, and a later change of wording reaches old messages too. `link` is the portal path (without
 * the locale) of what the message is about.
 */
import type { Tx } from "../server/database";
import { internalPath } from "./link";

/** Every kind of inbox message; each has `inbox.kinds.<kind>.title` and `.body` in every language. */
export const MESSAGE_KINDS = [
  "verification_approved",
  "verification_rejected",
  "transfer_received",
  "contract_ending",
  "contract_renewed",
  "contract_ended",
  "recall_opened",
  "appointment_confirmed",
  "appointment_proposed",
  "appointment_declined",
  "maintenance_due",
  "driver_joined",
  "driver_access_ended",
  // The owner's other e-mails about their car (lib/linking, lib/passports, lib/verification).
  "transfer_completed",
  "transfer_withdrawn",
  "verification_expired",
  "ownership_ended",
  "vehicle_linked",
  "vehicle_relinked",
  "vehicle_disconnected",
  "vehicle_removed",
  // a claim on a car another owner holds (docs/decisions/0035)
  "dispute_opened",
  "dispute_pending",
  "dispute_contested",
  "dispute_closed",
  // privacy (docs/decisions/0031)
  "consent_confirmed",
  "email_change_requested",
  // handover between owners (docs/decisions/0034)
  "handover_accepted",
  "handover_declined",
  "handover_completed",
  "handover_undone",
  // an existing account's offer, its withdrawal, and support's undo for either party
  "handover_offered",
  "handover_withdrawn",
  "handover_undone_support",
  "handover_undone_support_seller",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Parameters of a message's text: plain values only, formatted when the message is shown. */
export type MessageData = Record<string, string | number | null>;

export type NewMessage = {
  userId: string;
  vehicleId?: string | null;
  kind: MessageKind;
  data?: MessageData;
  /** Portal path without locale, e.g. `/garage/vehicles/<id>`; shown as the message's link. */
  link?: string | null;
};

/** Leaves one message in a user's inbox, inside the caller's transaction. */
export async function leaveMessage(tx: Tx, m: NewMessage): Promise<string> {
  // A link is a path inside the portal, never an address elsewhere: checked here and when shown.
  if (m.link != null && !internalPath(m.link)) throw new Error(`leaveMessage: not a portal path: ${JSON.stringify(m.link)}`);
  const row = await tx.message.create({
    data: {
      userId: m.userId,
      vehicleId: m.vehicleId ?? null,
      kind: m.kind,
      data: { ...(m.data ?? {}), ...(m.link ? { link: m.link } : {}) },
    },
    select: { id: true },
  });
  return row.id;
}
