import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Card, PageTitle } from "@/components/ui/primitives";
import { ChangePasswordForm, EndSessionButton, SignOutEverywhereForm } from "@/components/auth/forms";
import type { Device } from "@/lib/accounts/device";
import { requireActor } from "@/lib/server/guards";
import { getAccount, listSessions } from "@/lib/accounts/queries";
import { Link } from "@/i18n/navigation";
import { isStaff } from "@/lib/server/authz";
import { PrivacySections } from "@/components/privacy/account-sections";
import { listConsents } from "@/lib/privacy/queries";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ sessionEnded?: string; profileSaved?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "account:manage");
  const [t, tp, format, account, sessions] = await Promise.all([
    getTranslations("account"),
    getTranslations("privacy.profile"),
    getFormatter(),
    getAccount(actor.userId),
    listSessions(actor.userId),
  ]);
  // "Chrome on Windows": the browser and system bowser read from the user-agent (lib/accounts/device.ts).
  const deviceName = (d: Device) => (d.browser && d.os ? t("device", { browser: d.browser, os: d.os }) : (d.browser ?? d.os ?? t("deviceUnknown")));
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      {sp.profileSaved ? (
        <Alert tone="success" testId="profile-saved">
          {tp("saved")}
        </Alert>
      ) : null}
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t("profile")}</h2>
          <Link href="/account/profile" className="text-sm text-brand-600 hover:underline" data-testid="edit-profile">
            {tp("edit")}
          </Link>
        </div>
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
          {sp.sessionEnded ? (
            <Alert tone="success" className="mb-3" testId="notice">
              {t("sessionEnded")}
            </Alert>
          ) : null}
          <ul className="mb-4 divide-y text-sm" data-testid="sessions">
            {sessions.map((s) => {
              const current = s.id === actor.sessionId;
              return (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="session">
                  <div className="min-w-0">
                    <p className="font-medium">
                      <span data-testid="session-device">{deviceName(s.device)}</span>
                      {current ? <span className="font-normal text-zinc-600"> · {t("thisSession")}</span> : null}
                    </p>
                    <p className="text-xs text-zinc-500">
                      {t("signedInSince", { date: format.dateTime(s.createdAt, "dateTime") })}
                      {current ? "" : ` · ${t("lastSeen", { time: format.relativeTime(s.lastSeenAt) })}`}
                    </p>
                  </div>
                  {current ? null : <EndSessionButton sessionId={s.id} label={t("endSession")} />}
                </li>
              );
            })}
          </ul>
          <SignOutEverywhereForm />
        </Card>
      </div>
      <PrivacySections consents={await listConsents(actor.userId)} staff={isStaff(actor)} />
    </div>
  );
}
