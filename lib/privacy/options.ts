/**
 * The choices a form offers, without zod: client components import these, so that the browser
 * is not sent the validation library with the schemas (issue 15, goal 5; docs/decisions/0043).
 */

/** Marketing purposes an owner can opt in to (double opt-in, lib/privacy/consents.ts). */
export const CONSENT_PURPOSES = ["NEWSLETTER", "MARKETING_EMAIL", "MARKETING_SMS", "MARKETING_POST"] as const;
export type ConsentPurposeT = (typeof CONSENT_PURPOSES)[number];

/** Interests and contact channels an owner may tell us (seed 001 §3.2.1 b). */
export const INTERESTS = ["maintenance", "charging", "motorsport", "classics", "events", "accessories"] as const;
export const CHANNELS = ["email", "sms", "phone", "post"] as const;
