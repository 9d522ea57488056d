import { defineRouting } from "next-intl/routing";
import type { Locale } from "../generated/prisma/enums";

/**
 * A language an account, an invitation or an e-mail can be set to: the database's enum, which
 * may run ahead of the portal (a French account reads English until messages/fr/ exists).
 */
export type UserLocale = Locale;

/**
 * The languages the portal speaks, Dutch first. French (Belgium) is one more folder
 * messages/fr/ (the files of messages/en/, translated) and "fr" here; nothing else changes.
 */
export const routing = defineRouting({
  // `satisfies`: every language of the portal is one an account can be set to.
  locales: ["nl", "en"] as const satisfies readonly UserLocale[],
  defaultLocale: "nl",
  localePrefix: "always",
});

/** A language the portal speaks: the URL's /nl/ or /en/, the message folders, next-intl's Locale. */
export type AppLocale = (typeof routing.locales)[number];

/** Each language by its own name, for a choice of language (the same in every interface language). */
export const LANGUAGE_NAMES: Record<AppLocale, string> = { nl: "Nederlands", en: "English" };

/** The portal's languages as options of a language choice. */
export const LANGUAGE_OPTIONS = routing.locales.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

export function isLocale(v: string | undefined | null): v is AppLocale {
  return !!v && (routing.locales as readonly string[]).includes(v);
}
