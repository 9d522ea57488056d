import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/primitives";
import { ConfirmConsentForm } from "@/components/privacy/forms";
import { peekConsentLink } from "@/lib/privacy/consents";

/** The double opt-in link: the consent turns on only with this page's button (proof kept). */
export default async function ConfirmConsentPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("privacy.consents");
  const link = await peekConsentLink(token);
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("confirmTitle")}</h1>
        {link.state === "valid" && link.purpose ? (
          <>
            <p className="mb-2 text-sm text-zinc-700">{t("confirmLead", { purpose: t(`purpose.${link.purpose}`) })}</p>
            <p className="mb-4 text-xs text-zinc-500">{t(`text.${link.purpose}`)}</p>
            <ConfirmConsentForm token={token} label={t("confirm")} doneText={t("confirmed", { purpose: t(`purpose.${link.purpose}`) })} />
          </>
        ) : (
          <Alert tone="error">
            <span data-testid="link-state">{link.state === "used" ? t("linkUsed") : link.state === "expired" ? t("linkExpired") : t("linkInvalid")}</span>
          </Alert>
        )}
      </Card>
    </div>
  );
}
