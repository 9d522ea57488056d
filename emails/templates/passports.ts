import type { TemplateDefs } from "../index";

/** E-mails of the AutoPaspoort feature (texts under emails.<name> in messages/<locale>/passports.json). */
export const PASSPORT_TEMPLATES = {
  /** To a buyer without an account: set a password and the car is theirs. */
  "passport-transfer-new": { paragraphs: ["p1", "p2", "p3"], action: { urlField: "url", labelKey: "action" } },
  /** To a buyer with an account: add the car (or decline). */
  "passport-transfer-offer": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  /** To the buyer once the car is in their garage. */
  "passport-transfer-completed": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  /** To the staff member who confirmed. */
  "passport-transfer-accepted": { paragraphs: ["p1"], action: { urlField: "url", labelKey: "action" } },
  "passport-transfer-declined": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  /** To the buyer when the garage withdraws a pending transfer: the link no longer works. */
  "passport-transfer-withdrawn": { paragraphs: ["p1", "p2"] },
} satisfies TemplateDefs;
