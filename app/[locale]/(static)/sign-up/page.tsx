import { isLocale, routing } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card } from "@/components/ui/primitives";
import { SignUpForm } from "@/components/auth/forms";

export const dynamic = "force-static";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : routing.defaultLocale, namespace: "auth.signUp" });
  return { title: t("title") };
}

export default async function SignUpPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("auth.signUp");
  const tp = await getTranslations("privacy");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-sm text-zinc-600">{t("lead")}</p>
        <SignUpForm locale={locale} />
        <p className="mt-4 text-xs text-zinc-600">
          {tp.rich("signUpNotice", {
            link: (chunks) => (
              <Link href="/privacy" className="text-brand-600 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <p className="mt-6 text-sm text-zinc-600">
          {t("haveAccount")}{" "}
          <Link href="/sign-in" className="text-brand-600 hover:underline">
            {t("signIn")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
