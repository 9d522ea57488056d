import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Alert, Card, PageTitle } from "@/components/ui/primitives";

export async function generateMetadata() {
  const t = await getTranslations("privacy.page");
  return { title: t("title") };
}

const WHAT = ["w1", "w2", "w3", "w4", "w5", "w6"] as const;
const HOW_LONG = ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"] as const;
const RIGHTS = ["r1", "r2", "r3", "r4", "r5"] as const;

/** The privacy statement in our own words (docs/decisions/0031 has the periods and where each is enforced). */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const sp = await searchParams;
  const [t, td] = await Promise.all([getTranslations("privacy.page"), getTranslations("privacy.delete")]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {sp.deleted ? (
        <Alert tone="success" testId="account-deleted">
          <strong>{td("done")}</strong> {td("doneLead")}
        </Alert>
      ) : null}
      <PageTitle sub={t("updated")}>{t("title")}</PageTitle>
      <p className="text-sm text-zinc-700">{t("intro")}</p>
      <Card>
        <h2 className="mb-2 font-semibold">{t("whatTitle")}</h2>
        <ul className="list-disc space-y-2 pl-5 text-sm text-zinc-700">
          {WHAT.map((k) => (
            <li key={k}>{t(`what.${k}`)}</li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t("howLongTitle")}</h2>
        <ul className="list-disc space-y-2 pl-5 text-sm text-zinc-700" data-testid="retention-periods">
          {HOW_LONG.map((k) => (
            <li key={k}>{t(`howLong.${k}`)}</li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t("rightsTitle")}</h2>
        <ul className="list-disc space-y-2 pl-5 text-sm text-zinc-700">
          {RIGHTS.map((k) => (
            <li key={k}>{t(`rights.${k}`)}</li>
          ))}
        </ul>
        <p className="mt-4 text-sm">
          <Link href="/account" className="text-brand-600 hover:underline">
            {t("toAccount")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
