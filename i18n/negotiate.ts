import Negotiator from "negotiator";
import { match } from "@formatjs/intl-localematcher";
import { appLocaleOf, routing, isLocale, type AppLocale } from "./routing";

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

/** A first path segment shaped like a language tag: fr, EN, nl-BE, fr_BE. No page of the portal has such a name. */
const LANGUAGE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

/**
 * Where a path without a language the portal speaks goes: the language in front of it. A first
 * segment that is a language tag is replaced, not kept (/de/garage goes to /nl/garage, not to
 * /nl/de/garage, which does not exist); a tag of a language the portal speaks keeps that language
 * in its spelling (/EN/garage, /nl-be/garage -> /nl-BE/garage), and a region it has no variant
 * for keeps the language (/fr-BE/garage -> /fr/garage, /nl-NL/garage -> /nl/garage).
 */
export function localizedPath(pathname: string, negotiated: AppLocale): string {
  const [, first = "", ...rest] = pathname.split("/");
  if (!LANGUAGE_SEGMENT.test(first)) return `/${negotiated}${pathname === "/" ? "" : pathname}`;
  const locale = appLocaleOf(first) ?? appLocaleOf(first.slice(0, 2)) ?? negotiated;
  return rest.length ? `/${locale}/${rest.join("/")}` : `/${locale}`;
}
