import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/primitives";
import { ConfirmEmailChangeForm } from "@/components/privacy/forms";
import { peekEmailLink } from "@/lib/privacy/email-change";

/**
 * The link sent to a new e-mail address: a button makes the change (a GET changes nothing, so a
 * mail scanner opening the link does not use it).
 */
export default async function EmailChangePage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("privacy.email");
  const link = await peekEmailLink(token, "EMAIL_CHANGE");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("confirmTitle")}</h1>
        {link.state === "valid" ? (
          <>
            <p className="mb-4 text-sm text-zinc-700 wrap-anywhere">{t("confirmLead", { email: link.newEmail ?? "" })}</p>
            <ConfirmEmailChangeForm token={token} label={t("confirm")} />
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
