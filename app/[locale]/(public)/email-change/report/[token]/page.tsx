import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/primitives";
import { ReportEmailChangeForm } from "@/components/privacy/forms";
import { peekEmailLink } from "@/lib/privacy/email-change";

/** "This was not me" from the notice to the old address. */
export default async function ReportEmailChangePage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("privacy.email");
  const link = await peekEmailLink(token, "EMAIL_CHANGE_REPORT");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("reportTitle")}</h1>
        {link.state === "valid" ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">{t("reportLead")}</p>
            <ReportEmailChangeForm token={token} />
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
