import { getTranslations } from "next-intl/server";
import { Car } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Card } from "@/components/ui/primitives";
import { AcceptDriverInvitationForm, AcceptDriverWithAccountForm } from "@/components/dossier/drivers-forms";
import { getDriverInvitationByToken } from "@/lib/drivers/queries";
import { getActor } from "@/lib/server/session";

/**
 * An owner's invitation to drive their car (docs/decisions/0029): the invited address accepts,
 * signed in or by making its account here; any other account is told to sign in with that address.
 */
export default async function DriverInvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const [t, inv, actor] = await Promise.all([getTranslations("drivers"), getDriverInvitationByToken(token), getActor()]);
  if (inv.state !== "sent") {
    return (
      <div className="mx-auto max-w-lg">
        <Alert tone="error" testId="invitation-state">{t(`states.${inv.state}`)}</Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Card>
        <div className="flex items-start gap-3">
          <Car aria-hidden className="mt-1 size-6 shrink-0 text-brand-600" />
          <div className="min-w-0">
            <h1 className="text-xl font-semibold break-words">{t("invitationTitle", { owner: inv.owner ?? "", car: inv.car ?? "" })}</h1>
            <p className="mt-1 text-sm text-zinc-700">{t("invitationLead")}</p>
          </div>
        </div>
      </Card>
      <Card>
        {actor ? (
          actor.email === inv.email ? (
            <AcceptDriverInvitationForm token={token} />
          ) : (
            <Alert tone="error" testId="invitation-state">{t("otherAccount", { email: actor.email })}</Alert>
          )
        ) : (
          <div className="space-y-6">
            <AcceptDriverWithAccountForm token={token} locale={locale} email={inv.email ?? ""} />
            <p className="border-t pt-4 text-sm text-zinc-600">
              {t("haveAccount")}{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/driver-invitations/${token}`)}`} className="text-brand-600 hover:underline">
                {t("signInToAccept")}
              </Link>
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
