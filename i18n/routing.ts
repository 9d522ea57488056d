import { defineRouting } from "next-intl/routing";

/**
 * The languages the portal speaks, Dutch first. French (Belgium) is one more folder
 * messages/fr/ (the files of messages/en/, translated) and "fr" here; nothing else changes.
 */
export const routing = defineRouting({
  locales: ["nl", "en"],
  defaultLocale: "nl",
  localePrefix: "always",
});

export type AppLocale = (typeof routing.locales)[number];

export function isLocale(v: string | undefined | null): v is AppLocale {
  return !!v && (routing.locales as readonly string[]).includes(v);
}
