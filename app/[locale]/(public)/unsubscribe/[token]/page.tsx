import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/primitives";
import { UnsubscribeForm } from "@/components/privacy/forms";
import { peekUnsubscribe } from "@/lib/privacy/consents";

/**
 * A marketing e-mail's unsubscribe link: one button, no sign-in. (Mail clients that support it
 * unsubscribe without this page, through the List-Unsubscribe-Post header.)
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("privacy.consents");
  const link = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await peekUnsubscribe(token) : null;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("unsubscribeTitle")}</h1>
        {!link ? (
          <Alert tone="error">
            <span data-testid="link-state">{t("linkInvalid")}</span>
          </Alert>
        ) : link.active ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">{t("unsubscribeLead", { purpose: t(`purpose.${link.purpose}`) })}</p>
            <UnsubscribeForm token={token} label={t("unsubscribe")} doneText={t("unsubscribed", { purpose: t(`purpose.${link.purpose}`) })} />
          </>
        ) : (
          <Alert tone="info">
            <span data-testid="link-state">{t("alreadyOff")}</span>
          </Alert>
        )}
      </Card>
    </div>
  );
}
