import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { buttonClass } from "@/components/ui/primitives";
import { AppShell } from "./app-shell";

/**
 * The branded "page not found", in the page's language, inside the portal's frame: the way home
 * (the garage or the console when signed in) and, signed out, to sign in.
 */
export async function NotFoundPage({ user, home, locale }: { user: { name: string; email: string } | null; home: string; locale?: AppLocale }) {
  const lang = locale ?? (await getLocale());
  const [t, tAuth] = await Promise.all([getTranslations({ locale: lang, namespace: "common" }), getTranslations({ locale: lang, namespace: "auth.signIn" })]);
  return (
    <AppShell user={user} home={home} locale={locale}>
      <title>{`${t("notFound")} · ${t("appName")}`}</title>
      <div className="mx-auto max-w-md py-10 text-center sm:py-16" data-testid="not-found">
        <p className="text-sm font-semibold text-brand-600">{t("notFoundCode")}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight sm:text-3xl">{t("notFound")}</h1>
        <p className="mt-3 text-zinc-600">{t("notFoundLead")}</p>
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <Link href={home} className={buttonClass("primary")}>
            {t("backHome")}
          </Link>
          {user ? null : (
            <Link href="/sign-in" className={buttonClass("secondary")}>
              {tAuth("title")}
            </Link>
          )}
        </div>
      </div>
    </AppShell>
  );
}
