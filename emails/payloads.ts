/**
 * What each e-mail needs to be written: one payload type per template, keyed by the template's
 * name. `enqueueEmail` stores the payload as JSON in the outbox row; the sender renders it at send
 * time. `name` is the recipient's first name (an empty one, or none, gives the plain greeting);
 * `url` is the action link, already in the recipient's language.
 *
 * Changing a payload: rows already in the outbox were written with the old shape, so add fields as
 * optional or keep the old ones until those rows are sent.
 */
type Greeted = { name: string };
type Action = { url: string };

export type EmailPayloads = {
  activation: Greeted & Action;
  "activation-reminder-existing": Greeted & Action;
  "password-reset": Greeted & Action;
  "password-changed": Greeted;
  "signed-out-everywhere": Greeted;
  "member-added": Greeted & Action & { organisation: string };

  /** To a buyer who may have no account yet: no name. */
  invitation: Action & { dealer: string; car: string };
  "vehicle-linked": Greeted & Action & { car: string };
  "vehicle-linked-desk": Greeted & Action & { car: string; dealer: string };
  "ownership-ended": Greeted & { car: string; vin: string; dealer: string };
  /** `contracts` and `drivers` are counts (plural messages). */
  "vehicle-removed": Greeted & { car: string; vin: string; contracts: number; drivers: number };
  "vehicle-relinked": Greeted & { car: string };
  /** `dealer` is the organisation that linked the car and now marked it disconnected. */
  "vehicle-disconnected": Greeted & Action & { car: string; dealer: string };

  "passport-transfer-new": Greeted & Action & { garage: string; car: string; plate: string };
  "passport-transfer-offer": Greeted & Action & { garage: string; car: string; plate: string };
  "passport-transfer-completed": Greeted & Action & { garage: string; car: string; plate: string };
  "passport-transfer-accepted": Greeted & Action & { car: string; plate: string };
  "passport-transfer-declined": Greeted & Action & { car: string; plate: string };
  /** `name` is empty when the buyer never activated the account made for them. */
  "passport-transfer-withdrawn": Greeted & { garage: string; car: string; plate: string };

  /** To the garage's staff; `reason` is the fleet manager's. */
  "fleet-unlink-requested": Greeted & Action & { fleet: string; car: string; plate: string; reason: string };
  /** To the fleet manager; `reason` is the garage's when it declined (empty when approved). */
  "fleet-unlink-answered": Greeted & Action & { garage: string; car: string; plate: string; decision: "approved" | "declined"; reason: string };

  "verification-approved": Greeted & Action & { car: string };
  /** `reason` is a rejection reason code (a select in the message; an unknown code reads "see the note"). */
  "verification-rejected": Greeted & Action & { vin: string; reason: string; note: string };
  "verification-expired": Greeted & Action & { vin: string };
  "verification-ownership-ended": Greeted & { car: string; vin: string };
  /** To the holder of a car someone claims (docs/decisions/0035): two buttons, both to the signed-in dispute page; `respondBy` the day, already in the recipient's language. */
  "dispute-opened": Greeted & { car: string; vin: string; respondBy: string; releaseUrl: string; contestUrl: string };
  /** To the claimant: the car is claimed by another owner, who was asked; never who. */
  "dispute-pending": Greeted & Action & { car: string };
  /** To either party when a dispute is settled; `result` picks the text (messages `emails.dispute-closed`). */
  "dispute-closed": Greeted & Action & { car: string; vin: string; result: "yours" | "kept" | "released" | "lapsed" | "lost" | "withdrawn" };

  // Appointments (docs/decisions/0026-appointments.md). `when` is the time written out in the
  // recipient's language when queued; `startsAt` the same instant (ISO) for the calendar file;
  // `reason` a reason code (a select in the message); `location` the workshop's name and town.
  /** To the workshop's staff: a new request; `times` the preferred times written out. */
  "appointment-requested": Greeted & Action & { car: string; plate: string; owner: string; reason: string; times: string };
  /** To the owner, with a calendar file. */
  "appointment-confirmed": Greeted & Action & Calendar & { car: string; workshop: string };
  "appointment-proposed": Greeted & Action & { car: string; workshop: string; when: string };
  "appointment-declined": Greeted & Action & { car: string; workshop: string; declineReason: string };
  /** To the workshop's staff: the owner accepted the proposed time; with a calendar file. */
  "appointment-accepted": Greeted & Action & Calendar & { car: string; plate: string; owner: string };
  "appointment-cancelled": Greeted & Action & { car: string; plate: string; owner: string };
  /** `title` and `description` are the campaign's, in the recipient's language. */
  "recall-opened": Greeted & Action & { car: string; code: string; title: string; description: string };
  /** `when` picks the sentence: "date", "km" or "both"; `dueOn` and `dueKm` come formatted; `soldUrl` is the "I sold this car" link. */
  "maintenance-due": Greeted & Action & { car: string; description: string; when: "date" | "km" | "both"; dueOn: string; dueKm: string; soldUrl: string };
  /** Contracts (lib/contracts/run-contracts.ts): `product` is the product's name and `endsAt` the day, both already in the recipient's language. */
  "contract-ending": Greeted & Action & { car: string; product: string; endsAt: string; months: number; renews: boolean };
  "contract-renewed": Greeted & Action & { car: string; product: string; endsAt: string; months: number };
  "contract-ended": Greeted & Action & { car: string; product: string; endsAt: string };
  /** To an address an owner typed, which may have no account: no name. */
  "driver-invitation": Action & { owner: string; car: string };
  /** `reason`: revoked, removed or ownership_changed (a select in the message). */
  "driver-access-ended": Greeted & Action & { car: string; reason: string };
  // privacy (docs/decisions/0031)
  /** To the new address: the link that makes the change. */
  "email-change-confirm": Greeted & Action;
  /** To the old address: `newEmail` masked; `url` is the "this was not me" link. */
  "email-change-notice": Greeted & Action & { newEmail: string };
  /** Double opt-in: `purpose` is a ConsentPurpose (a select in the message). */
  "consent-confirm": Greeted & Action & { purpose: string };
  /** Marketing e-mails: `unsubscribeUrl` is shown, `unsubscribePostUrl` goes in the List-Unsubscribe header. */
  "consent-welcome": Greeted & Marketing & { purpose: string };
  newsletter: Greeted & Marketing & { purpose: string; headline: string; body: string };
  /** The account was erased: to the address it had. */
  "account-erased": Greeted & { cars: number };

  // Handover between owners (docs/decisions/0034). `name` in the buyer's first e-mails is the
  // name the seller typed; `buyer` in the seller's is that name too (nothing else of the buyer).
  /** To the buyer's address, which may have no account: accept or decline within `days`. */
  "handover-offer": Greeted & Action & { car: string; days: number };
  /** To the buyer's address: the seller withdrew it. */
  "handover-withdrawn": Greeted & { car: string };
  /** To the seller: accepted; `contracts` went with the car, `cancelled` ended; `url` the handover's page (undo). */
  "handover-accepted": Greeted & Action & { car: string; buyer: string; contracts: number; cancelled: number };
  /** To the seller: declined; the car stays theirs. */
  "handover-declined": Greeted & Action & { car: string; buyer: string };
  /** To the buyer: the car is theirs; `contracts` came with it. */
  "handover-completed": Greeted & Action & { car: string; contracts: number };
  /** To the buyer: the seller undid the handover (a mistyped address). */
  "handover-undone": Greeted & { car: string };
  /** To the seller: the car is back in their garage. */
  "handover-undone-seller": Greeted & Action & { car: string };
  /** To the buyer: support undid the handover after the seller's 48 hours; `reason` is support's, written for both parties. */
  "handover-undone-support": Greeted & { car: string; reason: string };
  /** To the seller: support undid the handover; the car is back in their garage. */
  "handover-undone-support-seller": Greeted & Action & { car: string; reason: string };
};

/** What the calendar file of a confirmed appointment is built from (emails/calendar.ts). */
type Calendar = { appointmentId: string; startsAt: string; when: string; reason: string; location: string };

/** Every marketing e-mail carries these (lib/privacy/consents.ts enqueueMarketingEmail). */
export type Marketing = { unsubscribeUrl: string; unsubscribePostUrl: string };

export type TemplateName = keyof EmailPayloads;
