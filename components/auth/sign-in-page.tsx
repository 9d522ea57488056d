import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card } from "@/components/ui/primitives";
import { DemoAccounts, SignInForm, SignInNotice } from "@/components/auth/forms";
import { isLocale, routing, type AppLocale } from "@/i18n/routing";

/**
 * The sign-in page, prerendered per language (docs/decisions/0041). What depends on the request is
 * read in the browser: the notice of a query string (`?activated=1`, `?signedOut=1`…), `next`,
 * and whether the portal runs with DEMO_MODE (then the demo accounts show below the form).
 */
export async function SignInPage({ locale }: { locale: AppLocale }) {
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
      <DemoAccounts />
    </div>
  );
}

export async function signInMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : routing.defaultLocale, namespace: "auth.signIn" });
  return { title: t("title") };
}
