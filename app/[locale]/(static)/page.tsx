import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { buttonClass } from "@/components/ui/primitives";

export const dynamic = "force-static";

/** Prerendered (see the layout); a signed-in visitor is sent home by the proxy. */
export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("home");
  return (
    <div className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 text-zinc-600">{t("lead")}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/sign-in" className={buttonClass("primary")}>
          {t("signIn")}
        </Link>
        <Link href="/sign-up" className={buttonClass("secondary")}>
          {t("signUp")}
        </Link>
      </div>
      <ul className="mt-12 grid gap-4 text-left sm:grid-cols-3">
        {(["owners", "dealers", "garages"] as const).map((k) => (
          <li key={k} className="rounded-xl border border-zinc-200 bg-white p-4">
            <h2 className="font-medium">{t(`${k}.title`)}</h2>
            <p className="mt-1 text-sm text-zinc-600">{t(`${k}.text`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
