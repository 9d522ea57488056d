/**
 * next-intl's type configuration: the locales, message keys (with their ICU arguments) and named
 * formats are checked by the compiler wherever useTranslations, getTranslations, createTranslator,
 * useFormatter or getFormatter is used.
 */
import type { formats } from "./formats";
import type { Messages } from "./messages";
import type { AppLocale } from "./routing";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
