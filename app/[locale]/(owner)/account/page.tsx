import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { ChangePasswordForm, SignOutEverywhereForm } from "@/components/auth/forms";
import { requireActor } from "@/lib/server/guards";
import { getAccount, listSessions } from "@/lib/accounts/queries";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "account:manage");
  const [t, format, account, sessions] = await Promise.all([
    getTranslations("account"),
    getFormatter(),
    getAccount(actor.userId),
    listSessions(actor.userId),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        <h2 className="mb-3 font-semibold">{t("profile")}</h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm wrap-anywhere">
          <dt className="text-zinc-500">{t("name")}</dt>
          <dd>{`${account.firstName} ${account.lastName}`}</dd>
          <dt className="text-zinc-500">{t("email")}</dt>
          <dd>{account.email}</dd>
          <dt className="text-zinc-500">{t("lastSignIn")}</dt>
          <dd>{account.lastSignInAt ? format.dateTime(account.lastSignInAt, "dateTime") : "—"}</dd>
        </dl>
      </Card>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t("changePassword")}</h2>
          <ChangePasswordForm />
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">{t("sessions")}</h2>
          <p className="mb-3 text-sm text-zinc-600">{t("sessionsLead", { count: sessions.length })}</p>
          <ul className="mb-4 space-y-1 text-sm">
            {sessions.map((s) => (
              <li key={s.id} className="truncate">
                {format.dateTime(s.createdAt, "dateTime")}
                {s.id === actor.sessionId ? ` · ${t("thisSession")}` : ` · ${t("lastSeen", { time: format.relativeTime(s.lastSeenAt) })}`}
                <span className="block truncate text-xs text-zinc-500">{s.userAgent ?? ""}</span>
              </li>
            ))}
          </ul>
          <SignOutEverywhereForm />
        </Card>
      </div>
    </div>
  );
}
