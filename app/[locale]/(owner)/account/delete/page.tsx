import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { DeleteAccountForm } from "@/components/privacy/forms";
import { requireActor } from "@/lib/server/guards";
import { countOwnedCars } from "@/lib/privacy/queries";

export async function generateMetadata() {
  const t = await getTranslations("privacy.delete");
  return { title: t("pageTitle") };
}

/** Deleting the account: what happens, then the password typed again (lib/privacy/erase.ts). */
export default async function DeleteAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "account:manage");
  const [t, cars] = await Promise.all([getTranslations("privacy.delete"), countOwnedCars(actor.userId)]);
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle>{t("pageTitle")}</PageTitle>
      <Card>
        <h2 className="mb-2 font-semibold">{t("consequences")}</h2>
        <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-zinc-700">
          <li>{t("c1", { count: cars })}</li>
          <li>{t("c2")}</li>
          <li>{t("c3")}</li>
          <li>{t("c4")}</li>
          <li>{t("c5")}</li>
        </ul>
        <DeleteAccountForm />
      </Card>
    </div>
  );
}
