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

  "verification-approved": Greeted & Action & { car: string };
  /** `reason` is a rejection reason code (a select in the message; an unknown code reads "see the note"). */
  "verification-rejected": Greeted & Action & { vin: string; reason: string; note: string };
  "verification-expired": Greeted & Action & { vin: string };
  "verification-ownership-ended": Greeted & { car: string; vin: string };

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
};

/** Every marketing e-mail carries these (lib/privacy/consents.ts enqueueMarketingEmail). */
export type Marketing = { unsubscribeUrl: string; unsubscribePostUrl: string };

export type TemplateName = keyof EmailPayloads;
