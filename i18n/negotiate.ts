import Negotiator from "negotiator";
import { match } from "@formatjs/intl-localematcher";
import { routing, isLocale, type AppLocale } from "./routing";

/** The language for a request without one in its URL: the cookie of an earlier choice, then Accept-Language. */
export function negotiateLocale(acceptLanguage: string | null, cookieLocale: string | undefined): AppLocale {
  if (isLocale(cookieLocale)) return cookieLocale;
  const languages = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  try {
    const matched = match(languages, [...routing.locales], routing.defaultLocale);
    return isLocale(matched) ? matched : routing.defaultLocale;
  } catch {
    return routing.defaultLocale;
  }
}
