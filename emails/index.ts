/**
 * E-mail templates. Each template names its texts in the message files (namespace `emails.<name>`)
 * and may carry an action link; the recipient's language picks the file.
 */
import { createTranslator } from "use-intl/core";
import { formats, TIME_ZONE } from "../i18n/formats";
import { messagesFor } from "../i18n/messages";
import { renderParts } from "./layout";

/** A recipient's language; one without message files (French, so far) reads English. */
export type EmailLocale = "nl" | "en" | "fr";

type Params = Record<string, string | number>;

import { PASSPORT_TEMPLATES } from "./templates/passports";
import { VERIFICATION_TEMPLATES } from "./templates/verification";

export interface TemplateDef {
  /** Paragraph keys under emails.<name>. */
  paragraphs: string[];
  /** The payload field holding the action URL, with its label key. */
  action?: { urlField: string; labelKey: string };
}

export const TEMPLATES = {
  activation: { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "activation-reminder-existing": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "password-reset": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "password-changed": { paragraphs: ["p1", "p2"] },
  "signed-out-everywhere": { paragraphs: ["p1", "p2"] },
  "member-added": { paragraphs: ["p1"], action: { urlField: "url", labelKey: "action" } },
  invitation: { paragraphs: ["p1", "p2", "p3"], action: { urlField: "url", labelKey: "action" } },
  "vehicle-linked": { paragraphs: ["p1", "p2"], action: { urlField: "url", labelKey: "action" } },
  "vehicle-linked-desk": { paragraphs: ["p1", "p2", "p3"], action: { urlField: "url", labelKey: "action" } },
  "ownership-ended": { paragraphs: ["p1", "p2"] },
  "vehicle-removed": { paragraphs: ["p1", "p2", "p3"] },
  "vehicle-relinked": { paragraphs: ["p1"] },
  ...PASSPORT_TEMPLATES,
  ...VERIFICATION_TEMPLATES,
} satisfies Record<string, TemplateDef>;

export type TemplateName = keyof typeof TEMPLATES;

export function isTemplate(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export function renderEmail(name: TemplateName, locale: string, payload: Params) {
  const { locale: lang, messages } = messagesFor(locale);
  const t = createTranslator({ locale: lang, messages, namespace: "emails", formats, timeZone: TIME_ZONE });
  const def: TemplateDef = TEMPLATES[name];
  const tt = (key: string) => (t as unknown as (k: string, p?: Params) => string)(key, payload);
  return renderParts(
    {
      subject: tt(`${name}.subject`),
      greeting: payload.name ? tt("greetingNamed") : tt("greeting"),
      paragraphs: def.paragraphs.map((p) => tt(`${name}.${p}`)),
      action: def.action ? { label: tt(`${name}.${def.action.labelKey}`), url: String(payload[def.action.urlField]) } : undefined,
      footer: tt("footer"),
    },
    lang,
  );
}
