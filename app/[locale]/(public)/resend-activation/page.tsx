import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card } from "@/components/ui/primitives";
import { ResendActivationForm } from "@/components/auth/forms";

export async function generateMetadata() {
  const t = await getTranslations("auth.resendActivation");
  return { title: t("title") };
}

export default async function ResendActivationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations("auth.resendActivation");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-sm text-zinc-600">{t("lead")}</p>
        <ResendActivationForm locale={locale} />
        <p className="mt-6 text-sm text-zinc-600">
          <Link href="/sign-in" className="text-brand-600 hover:underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
