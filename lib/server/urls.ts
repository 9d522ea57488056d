import { appLocaleOf, type AppLocale } from "../../i18n/routing";
import { env } from "./env";

/**
 * The interface language a link opens in: the recipient's own (a stored nl_BE opens /nl-BE/) where
 * the portal has it, English otherwise.
 */
export function uiLocale(locale: string): AppLocale {
  return appLocaleOf(locale) ?? "en";
}

/** An absolute link into the portal (for e-mails), in the recipient's interface language. */
export function appLink(locale: string, path: `/${string}`): string {
  return `${env.APP_URL}/${uiLocale(locale)}${path}`;
}
