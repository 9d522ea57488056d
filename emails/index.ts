/**
 * E-mail templates. Each template names its texts in the message files (namespace `emails.<name>`)
 * and may carry an action link; the recipient's language picks the file.
 */
import { createTranslator, type MessageKeys, type NestedKeyOf } from "use-intl/core";
import type { Locale } from "../generated/prisma/enums";
import { formats, TIME_ZONE } from "../i18n/formats";
import { messagesFor, type Messages } from "../i18n/messages";
import { renderParts } from "./layout";

/** A recipient's language (the account's); one without message files (French, so far) reads English. */
export type EmailLocale = Locale;

type Params = Record<string, string | number>;

import { PASSPORT_TEMPLATES } from "./templates/passports";
import { VERIFICATION_TEMPLATES } from "./templates/verification";

type EmailTexts = Messages["emails"];
/** The names with a group of texts under emails. (the others are greeting, footer...). */
type TemplateTexts = { [N in keyof EmailTexts]: EmailTexts[N] extends string ? never : N }[keyof EmailTexts];
/** A key under emails. */
type EmailKey = MessageKeys<EmailTexts, NestedKeyOf<EmailTexts>>;

export interface TemplateDef<Key extends string = string> {
  /** Paragraph keys under emails.<name>. */
  paragraphs: Key[];
  /** The payload field holding the action URL, with its label key. */
  action?: { urlField: string; labelKey: Key };
}

/** Templates by name: the compiler checks that each names its own texts (emails.<name>.<key>). */
export type TemplateDefs = { [N in TemplateTexts]?: TemplateDef<keyof EmailTexts[N] & string> };

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
} satisfies TemplateDefs;

export type TemplateName = keyof typeof TEMPLATES;

export function isTemplate(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export function renderEmail(name: TemplateName, locale: string, payload: Params) {
  const { locale: lang, messages } = messagesFor(locale);
  const t = createTranslator({ locale: lang, messages, namespace: "emails", formats, timeZone: TIME_ZONE });
  const def: TemplateDef = TEMPLATES[name];
  // TemplateDefs checked each paragraph and label key against its own template's texts; the
  // compiler cannot carry that pairing through `name` (a union), so the joined key is typed here.
  const own = (key: string) => t(`${name}.${key}` as EmailKey, payload);
  return renderParts(
    {
      subject: t(`${name}.subject`, payload),
      greeting: payload.name ? t("greetingNamed", payload) : t("greeting", payload),
      paragraphs: def.paragraphs.map(own),
      action: def.action ? { label: own(def.action.labelKey), url: String(payload[def.action.urlField]) } : undefined,
      footer: t("footer", payload),
    },
    lang,
  );
}
