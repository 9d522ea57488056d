import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card, PageTitle } from "@/components/ui/primitives";
import { CreateOrganisationForm } from "@/components/console/admin-forms";
import { requireActor } from "@/lib/server/guards";
import { listGarages, listOrganisations } from "@/lib/organisations/queries";
import { cityName, countryName } from "@/lib/organisations/places";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("organisations") };
}

export default async function OrganisationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "organisations:manage");
  const [t, tc, orgs, garages] = await Promise.all([getTranslations("admin"), getTranslations("places.cities"), listOrganisations(actor), listGarages(actor)]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("organisations")}</PageTitle>
      <Card className="overflow-x-auto p-0 sm:p-0">
        <table className="w-full text-left text-sm">
          <thead className="border-b bg-zinc-50 text-xs uppercase text-zinc-500">
            <tr>
              <th className="px-3 py-2 sm:px-4">{t("orgName")}</th>
              {/* On a phone the kind goes under the name, so the table fits without scrolling. */}
              <th className="hidden px-4 py-2 sm:table-cell">{t("orgKind")}</th>
              <th className="px-3 py-2 sm:px-4">{t("city")}</th>
              <th className="px-3 py-2 text-right sm:px-4 sm:text-left">{t("members")}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id} className="border-b last:border-0">
                <td className="px-3 py-2 sm:px-4">
                  <Link href={`/console/admin/organisations/${o.id}`} className="font-medium text-brand-600 hover:underline">
                    {o.name}
                  </Link>
                  {o.parent ? <span className="block text-xs text-zinc-500">{t("fleetOf", { garage: o.parent.name })}</span> : null}
                  <span className="mt-1 block sm:hidden">
                    <Badge tone="blue">{t(`kind.${o.kind}`)}</Badge>
                  </span>
                </td>
                <td className="hidden px-4 py-2 sm:table-cell">
                  <Badge tone="blue">{t(`kind.${o.kind}`)}</Badge>
                </td>
                {/* In the page's language: "Brussels, Belgium" on an English page, whatever was typed. */}
                <td className="px-3 py-2 sm:px-4" data-testid="org-place">
                  {[cityName(o.city, (k) => tc(k)), countryName(o.country, locale)].filter(Boolean).join(", ")}
                </td>
                <td className="px-3 py-2 text-right sm:px-4 sm:text-left">{o._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{t("newOrganisation")}</h2>
        <CreateOrganisationForm garages={garages} />
      </Card>
    </div>
  );
}
