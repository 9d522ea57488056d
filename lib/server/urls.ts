import { isLocale, type AppLocale } from "../../i18n/routing";
import { env } from "./env";

/**
 * The interface language a link opens in: the recipient's own where the portal has it, English
 * otherwise (French-speaking accounts until a French message file exists).
 */
export function uiLocale(locale: string): AppLocale {
  return isLocale(locale) ? locale : "en";
}

/** An absolute link into the portal (for e-mails), in the recipient's interface language. */
export function appLink(locale: string, path: `/${string}`): string {
  return `${env.APP_URL}/${uiLocale(locale)}${path}`;
}
