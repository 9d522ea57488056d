import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, Card, PageTitle } from "@/components/ui/primitives";
import { AddMemberForm, MemberActions } from "@/components/console/admin-forms";
import { requireActor } from "@/lib/server/guards";
import { getOrganisation } from "@/lib/organisations/queries";
import { cityName } from "@/lib/organisations/places";

export default async function OrganisationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "members:manage");
  const org = await getOrganisation(actor, id);
  if (!org) notFound();
  const [t, tc] = await Promise.all([getTranslations("admin"), getTranslations("places.cities")]);
  // The only administrator can be neither demoted nor removed (lib/organisations/last-admin.ts).
  const admins = org.memberships.filter((m) => m.role === "ADMIN");
  const onlyAdmin = (m: (typeof org.memberships)[number]) => (admins.length === 1 && admins[0]!.id === m.id ? (m.user.id === actor.userId ? "self" : "other") : undefined);
  const display = (m: (typeof org.memberships)[number]) => `${m.user.firstName} ${m.user.lastName}`.trim() || m.user.email;
  return (
    <div className="space-y-6">
      <PageTitle sub={[t(`kind.${org.kind}`), cityName(org.city, (k) => tc(k)), org.parent ? t("fleetOf", { garage: org.parent.name }) : null].filter(Boolean).join(" · ")}>{org.name}</PageTitle>
      <Card className="overflow-x-auto">
        <h2 className="mb-3 font-semibold">{t("members")}</h2>
        <ul className="divide-y">
          {org.memberships.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member">
              <div>
                <p className="font-medium">{display(m)}</p>
                <p className="text-sm text-zinc-600">{m.user.email}</p>
              </div>
              <div className="flex items-center gap-3">
                <Badge tone={m.role === "ADMIN" ? "amber" : "zinc"}>{t(`roles.${m.role}`)}</Badge>
                <MemberActions membershipId={m.id} role={m.role} name={display(m)} organisation={org.name} onlyAdmin={onlyAdmin(m)} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{t("addMember")}</h2>
        <AddMemberForm organisationId={org.id} />
      </Card>
    </div>
  );
}
