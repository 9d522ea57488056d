import type { TemplateDefs } from "../index";

/** E-mails of self-registration (texts under emails.<name> in messages/<locale>/verification.json). */
export const VERIFICATION_TEMPLATES = {
  "verification-approved": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "verification-rejected": { paragraphs: ["p1", "p2", "p3"], action: { urlField: "url", labelKey: "action" } },
  "verification-expired": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "verification-ownership-ended": { paragraphs: ["p1", "p2"] },
} satisfies TemplateDefs;
