import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card } from "@/components/ui/primitives";
import { Alert } from "@/components/ui/alert";
import { CARD_CLASS } from "@/components/ui/classes";
import { SignInForm, SignInNotice } from "@/components/auth/forms";
import { isLocale, routing, type AppLocale } from "@/i18n/routing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-accounts";

/**
 * The sign-in page, prerendered per language in two variants (docs/decisions/0041): the plain one
 * (`/<locale>/sign-in`), and one with the demo warning and the demo accounts below the form
 * (`/<locale>/sign-in-demo`, `demo`), which proxy.ts serves at the sign-in address instead when
 * the portal runs with DEMO_MODE. What depends on the request is read in the browser: the notice
 * of a query string (`?activated=1`, `?signedOut=1`…) and `next`.
 */
export async function SignInPage({ locale, demo = false }: { locale: AppLocale; demo?: boolean }) {
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
        <SignInNotice />
        <SignInForm locale={locale} />
        <p className="mt-6 text-sm text-zinc-600">
          {t("noAccount")}{" "}
          <Link href="/sign-up" className="text-brand-600 hover:underline">
            {t("createAccount")}
          </Link>
        </p>
        <p className="mt-2 text-sm text-zinc-600">
          {t("noActivation")}{" "}
          <Link href="/resend-activation" className="text-brand-600 hover:underline">
            {t("requestActivation")}
          </Link>
        </p>
      </Card>
      {demo ? <DemoAccounts locale={locale} /> : null}
    </div>
  );
}

/** The demo warning and the demo accounts with their public password, below the form. */
async function DemoAccounts({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "auth.signIn.demo" });
  return (
    <div className="mt-4 space-y-4">
      <Alert tone="warning" testId="demo-banner">
        <strong className="font-semibold">{t("bannerTitle")}</strong> {t("banner")}
      </Alert>
      <section className={CARD_CLASS} aria-labelledby="demo-accounts">
        <h2 id="demo-accounts" className="text-sm font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-zinc-600">{t("password", { password: DEMO_PASSWORD })}</p>
        <ul className="mt-2 space-y-1 text-sm">
          {DEMO_ACCOUNTS.map((a) => (
            <li key={a.email}>
              <code className="rounded bg-zinc-100 px-1">{a.email}</code> — {t(`roles.${a.role}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export async function signInMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : routing.defaultLocale, namespace: "auth.signIn" });
  return { title: t("title") };
}

/**
 * The page of a sign-in route: `app/[locale]/(static)/sign-in` (plain) and `…/sign-in-demo`
 * (with the demo accounts). Each route file says `dynamic` itself, as Next reads it there.
 */
export function signInRoute(demo: boolean) {
  return async function SignInRoute({ params }: { params: Promise<{ locale: string }> }) {
    const { locale } = await params;
    if (!isLocale(locale)) notFound();
    setRequestLocale(locale);
    return <SignInPage locale={locale} demo={demo} />;
  };
}
