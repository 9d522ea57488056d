import { getFormatter, getTranslations } from "next-intl/server";
import { Building2, ShieldCheck, Users } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card, PageTitle } from "@/components/ui/primitives";
import { requireActor } from "@/lib/server/guards";
import { can, type OrganisationKind } from "@/lib/server/authz";
import type { Messages } from "@/i18n/messages";
import { getWorkList, type Work } from "@/lib/console/work-list";

/** A shortcut: its label's key under `console.quick.` and its path. */
type QuickLink = { key: keyof Messages["console"]["quick"]; href: string };

/** What each kind of organisation's staff do every day, one click from the console's home. */
const QUICK_LINKS: Record<OrganisationKind, QuickLink[]> = {
  DEALER: [
    { key: "newInvitation", href: "/console/invitations/new" },
    { key: "deskVerification", href: "/console/vehicles/verify" },
    { key: "verificationQueue", href: "/console/verifications" },
  ],
  GARAGE: [
    { key: "newPassport", href: "/console/passports/new" },
    { key: "stock", href: "/console/passports" },
    { key: "unlinkRequests", href: "/console/unlink-requests" },
  ],
  FLEET: [{ key: "fleetCars", href: "/console/fleet" }],
};
const SUPPORT_LINKS: QuickLink[] = [
  { key: "verificationQueue", href: "/console/verifications" },
  { key: "transfers", href: "/console/transfers" },
  { key: "handovers", href: "/console/handovers" },
];

function QuickLinks({ links, label }: { links: QuickLink[]; label: (key: QuickLink["key"]) => string }) {
  if (!links.length) return null;
  return (
    <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {links.map((l) => (
        <Link key={l.key} href={l.href} className="text-brand-600 hover:underline">
          {label(l.key)}
        </Link>
      ))}
    </div>
  );
}

/** One line of the work list: a count that links to where the work is done. */
type WorkItem = { key: string; href: string; label: string; note?: string };

/** What waits for the member in one organisation (or for support), or a line saying nothing does. */
function WorkItems({ items, title, nothing }: { items: WorkItem[]; title: string; nothing: string }) {
  return (
    <div className="mt-3 border-t pt-3" data-testid="work-list">
      <h3 className="text-sm font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600">{nothing}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {items.map((i) => (
            <li key={i.key} data-testid={`work-${i.key}`}>
              <Link href={i.href} className="font-medium text-brand-600 hover:underline">
                {i.label}
              </Link>
              {i.note ? <span className="text-zinc-600"> · {i.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export async function generateMetadata() {
  const t = await getTranslations("console");
  return { title: t("title") };
}

export default async function ConsoleHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "console:use");
  const [t, tw, format, work] = await Promise.all([getTranslations("console"), getTranslations("appointments.work"), getFormatter(), getWorkList(actor)]);
  const since = (d: Date | null) => (d ? tw("oldest", { when: format.relativeTime(d) }) : undefined);
  /** The lines of one organisation's work with something in them, in the order staff act on them. */
  const itemsOf = (w: Work | undefined): WorkItem[] => {
    if (!w) return [];
    const items: WorkItem[] = [];
    if (w.verifications?.count) items.push({ key: "verifications", href: "/console/verifications", label: tw("verifications", { count: w.verifications.count }), note: since(w.verifications.oldest) });
    if (w.appointments) items.push({ key: "appointments", href: "/console/appointments", label: tw("appointments", { count: w.appointments }) });
    if (w.invitations) items.push({ key: "invitations", href: "/console/invitations", label: tw("invitations", { count: w.invitations }) });
    if (w.transfers) items.push({ key: "transfers", href: "/console/passports", label: tw("transfers", { count: w.transfers }) });
    if (w.recalls) items.push({ key: "recalls", href: "/console/dossier", label: tw("recalls", { count: w.recalls }) });
    return items;
  };
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead", { name: actor.name || actor.email })}>{t("title")}</PageTitle>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {actor.memberships.map((m) => (
          <Card key={m.organisationId} data-testid="console-organisation">
            <div className="flex items-center gap-2">
              <Building2 aria-hidden className="size-5 text-zinc-400" />
              <h2 className="font-semibold">{m.organisationName}</h2>
            </div>
            <div className="mt-2 flex gap-2">
              <Badge tone="blue">{t(`kind.${m.kind}`)}</Badge>
              <Badge>{t(`role.${m.role}`)}</Badge>
            </div>
            <p className="mt-3 text-sm text-zinc-600">{t(`kindLead.${m.kind}`)}</p>
            {/* An organisation's own admins manage its members (the admin pages check members:manage per organisation). */}
            <QuickLinks
              links={m.role === "ADMIN" ? [...QUICK_LINKS[m.kind], { key: "members", href: `/console/admin/organisations/${m.organisationId}` }] : QUICK_LINKS[m.kind]}
              label={(k) => t(`quick.${k}`)}
            />
            {m.kind === "FLEET" ? null : <WorkItems items={itemsOf(work.byOrganisation[m.organisationId])} title={tw("title")} nothing={tw("nothing")} />}
          </Card>
        ))}
        {actor.platformRole === "SUPPORT" ? (
          <Card data-testid="console-support">
            <div className="flex items-center gap-2">
              <ShieldCheck aria-hidden className="size-5 text-zinc-400" />
              <h2 className="font-semibold">{t("support.title")}</h2>
            </div>
            <p className="mt-2 text-sm text-zinc-600">{t("support.lead")}</p>
            <QuickLinks links={SUPPORT_LINKS} label={(k) => t(`quick.${k}`)} />
            <WorkItems
              items={work.support?.count ? [{ key: "support-queue", href: "/console/verifications", label: tw("supportQueue", { count: work.support.count }), note: since(work.support.oldest) }] : []}
              title={tw("title")}
              nothing={tw("nothing")}
            />
          </Card>
        ) : null}
        {can(actor, "organisations:manage") ? (
          <Card data-testid="console-admin">
            <div className="flex items-center gap-2">
              <Users aria-hidden className="size-5 text-zinc-400" />
              <h2 className="font-semibold">{t("admin.title")}</h2>
            </div>
            <p className="mt-2 text-sm text-zinc-600">{t("admin.lead")}</p>
            <div className="mt-3 flex gap-3 text-sm">
              <Link href="/console/admin/organisations" className="text-brand-600 hover:underline">
                {t("admin.organisations")}
              </Link>
              <Link href="/console/admin/users" className="text-brand-600 hover:underline">
                {t("admin.users")}
              </Link>
            </div>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
