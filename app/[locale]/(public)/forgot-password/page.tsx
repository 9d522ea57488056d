import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/primitives";
import { ForgotPasswordForm } from "@/components/auth/forms";

export default async function ForgotPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations("auth.forgot");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-sm text-zinc-600">{t("lead")}</p>
        <ForgotPasswordForm locale={locale} />
      </Card>
    </div>
  );
}
