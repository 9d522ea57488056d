import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { CreatePassportForm } from "@/components/passports/create-passport-form";
import { requireActor } from "@/lib/server/guards";
import { organisationChoices } from "@/lib/console/organisations";
import { fleetAccountsFor } from "@/lib/passports/queries/fleet-accounts";

export async function generateMetadata() {
  const t = await getTranslations("passports");
  return { title: t("new") };
}

export default async function NewPassportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "passports:manage");
  const [t, fleets] = await Promise.all([getTranslations("passports"), fleetAccountsFor(actor)]);
  return (
    <div className="max-w-3xl">
      <PageTitle sub={t("newLead")}>{t("new")}</PageTitle>
      <Card>
        <CreatePassportForm garages={organisationChoices(actor, "passports:manage")} fleets={fleets} />
      </Card>
    </div>
  );
}
