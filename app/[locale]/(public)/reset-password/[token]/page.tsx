import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Alert, Card } from "@/components/ui/primitives";
import { ResetPasswordForm } from "@/components/auth/forms";
import { peekToken } from "@/lib/accounts/queries";

export default async function ResetPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const t = await getTranslations("auth.reset");
  const link = await peekToken(token, "PASSWORD_RESET");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
        {link.state === "valid" ? (
          <ResetPasswordForm locale={locale} token={token} />
        ) : (
          <>
            <Alert tone="error">
              <span data-testid="link-state">{t(`state.${link.state}`)}</span>
            </Alert>
            <p className="mt-4 text-sm">
              <Link href="/forgot-password" className="text-brand-600 hover:underline">
                {t("again")}
              </Link>
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
