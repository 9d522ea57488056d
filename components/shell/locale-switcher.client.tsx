"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Languages } from "@/components/ui/icons";
import { usePathname } from "@/i18n/navigation";
import { LANGUAGE_NAMES, SWITCHER_LANGUAGES, VARIANT_OF } from "@/i18n/routing";

/**
 * Plain links (no client routing) so the proxy sets the language cookie on the way. One link per
 * language; Dutch keeps the variant the page is in (a Belgian reader on /nl-BE/ stays Belgian).
 */
export function LocaleSwitcher() {
  const locale = useLocale();
  const languages = SWITCHER_LANGUAGES.map((l) => (VARIANT_OF[locale] === l ? locale : l));
  // The sign-in page with the demo accounts is built as /sign-in-demo and served at /sign-in
  // (docs/decisions/0041): its links name the address, which is right with or without DEMO_MODE.
  const path = usePathname();
  const pathname = path === "/sign-in-demo" ? "/sign-in" : path;
  const search = useSearchParams().toString();
  const t = useTranslations("common");
  return (
    <nav aria-label={t("language")} className="flex items-center gap-1 text-sm">
      <Languages aria-hidden className="size-4 text-zinc-500" />
      {languages.map((l) => (
        <a
          key={l}
          href={`/${l}${pathname === "/" ? "" : pathname}${search ? `?${search}` : ""}`}
          // A prerendered page (docs/decisions/0041) knows no query string: take the address's.
          onClick={(e) => {
            e.currentTarget.search = window.location.search;
          }}
          hrefLang={l}
          lang={l}
          aria-current={l === locale ? "true" : undefined}
          className={l === locale ? "rounded px-1.5 py-0.5 font-semibold text-zinc-900 underline" : "rounded px-1.5 py-0.5 text-zinc-600 hover:text-zinc-900"}
        >
          <span className="sr-only">{LANGUAGE_NAMES[l]}</span>
          <span aria-hidden>{l.slice(0, 2).toUpperCase()}</span>
        </a>
      ))}
    </nav>
  );
}
