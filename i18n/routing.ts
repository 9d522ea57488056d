import { defineRouting } from "next-intl/routing";

/** Dutch first; French (Belgium) is one more message file and one more entry here. */
export const routing = defineRouting({
  locales: ["nl", "en"],
  defaultLocale: "nl",
  localePrefix: "always",
});

export type AppLocale = (typeof routing.locales)[number];

export function isLocale(v: string | undefined | null): v is AppLocale {
  return !!v && (routing.locales as readonly string[]).includes(v);
}
