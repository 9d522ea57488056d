import { getFormatter, getTranslations } from "next-intl/server";
import { Plus } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { InvitationRowActions } from "@/components/linking/forms";
import { requireActor } from "@/lib/server/guards";
import { listInvitations } from "@/lib/linking/queries";

const TONE = { sent: "blue", accepted: "green", expired: "amber", revoked: "zinc" } as const;

export async function generateMetadata() {
  const t = await getTranslations("linking");
  return { title: t("invitations") };
}

export default async function InvitationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ cursor?: string; created?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "invitations:manage");
  const [t, format, { items, nextCursor }] = await Promise.all([getTranslations("linking"), getFormatter(), listInvitations(actor, { cursor: sp.cursor })]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("invitationsLead")} className="mb-0">
          {t("invitations")}
        </PageTitle>
        <Link href="/console/invitations/new" className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" />
          {t("newInvitation")}
        </Link>
      </div>
      {sp.created ? <Alert tone="success" testId="notice">{t("invitationSent")}</Alert> : null}
      {items.length === 0 ? (
        <EmptyState>{t("noInvitations")}</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y">
            {items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="invitation-row">
                <div className="min-w-0">
                  <p className="font-medium">
                    {i.vehicle.make} {i.vehicle.model} <span className="text-zinc-500">{i.vehicle.modelYear}</span>
                  </p>
                  <p className="truncate font-mono text-xs text-zinc-600">{i.vehicle.vin}</p>
                  <p className="text-sm text-zinc-600">
                    {i.email} · {t("sentTimes", { count: i.sentCount })} · {format.dateTime(i.lastSentAt, "date")}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={TONE[i.state]}>{t(`states.${i.state}`)}</Badge>
                  {i.state === "sent" || i.state === "expired" ? <InvitationRowActions invitationId={i.id} canResend={i.status === "PENDING"} email={i.email} car={`${i.vehicle.make} ${i.vehicle.model}`} /> : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {nextCursor ? (
        <Link href={`/console/invitations?cursor=${nextCursor}`} className="text-sm text-brand-600 hover:underline">
          {t("more")}
        </Link>
      ) : null}
    </div>
  );
}
