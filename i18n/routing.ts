import { defineRouting } from "next-intl/routing";
import type { Locale } from "../generated/prisma/enums";

/**
 * A language an account, an invitation or an e-mail can be set to: the database's enum. Its
 * values are identifiers, so Belgian Dutch is `nl_BE` there (stored as 'nl-BE') and `nl-BE` in
 * the URL and for next-intl; `appLocaleOf` and `userLocaleOf` convert.
 */
export type UserLocale = Locale;

/**
 * The languages the portal speaks, Dutch first: Dutch (the Netherlands), Dutch (Belgium), English,
 * French (Belgium). Each is a folder messages/<locale>/; `nl-BE` holds only the texts in which
 * Belgian usage differs ("nummerplaat", "inschrijvingsbewijs"), merged over `nl`
 * (i18n/messages.ts, docs/decisions/0032-french-and-belgian-dutch.md).
 */
export const routing = defineRouting({
  locales: ["nl", "nl-BE", "en", "fr"] as const,
  defaultLocale: "nl",
  localePrefix: "always",
});

/** A language the portal speaks: the URL's /nl/, /nl-BE/, /en/ or /fr/, the message folders, next-intl's Locale. */
export type AppLocale = (typeof routing.locales)[number];

/** The database's spelling of a URL language: nl-BE -> nl_BE. */
type AsUserLocale<L extends string> = L extends `${infer A}-${infer B}` ? `${A}_${B}` : L;
// Every language of the portal is one an account can be set to (a compile error otherwise).
const _everyAppLocaleStorable: readonly UserLocale[] = [] as AsUserLocale<AppLocale>[];
void _everyAppLocaleStorable;

/** The language variants of the portal that are only overrides of another language's texts. */
export const VARIANT_OF: Partial<Record<AppLocale, AppLocale>> = { "nl-BE": "nl" };

/** Each language by its own name, for a choice of language (the same in every interface language). */
export const LANGUAGE_NAMES: Record<AppLocale, string> = {
  nl: "Nederlands (Nederland)",
  "nl-BE": "Nederlands (België)",
  en: "English",
  fr: "Français",
};

/** The portal's languages as options of a language choice (a form's `LocaleInput` stores them). */
export const LANGUAGE_OPTIONS = routing.locales.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

/** The languages of the language switcher: one per language; Dutch keeps the variant the page is in. */
export const SWITCHER_LANGUAGES = ["nl", "en", "fr"] as const satisfies readonly AppLocale[];

export function isLocale(v: string | undefined | null): v is AppLocale {
  return !!v && (routing.locales as readonly string[]).includes(v);
}

/**
 * The portal language for a stored or written language in any spelling (nl_BE, nl-be, NL-BE,
 * fr), or null when the portal does not speak it.
 */
export function appLocaleOf(v: string | undefined | null): AppLocale | null {
  if (!v) return null;
  const [lang = "", region] = v.split(/[-_]/);
  const tag = region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
  return isLocale(tag) ? tag : null;
}

/** The database's value for a portal language: nl-BE -> nl_BE. */
export function userLocaleOf(locale: AppLocale): UserLocale {
  return locale.replace("-", "_") as AsUserLocale<AppLocale>;
}

/** A language without its region, for matching who serves it: nl_BE and nl-BE -> nl. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}
