import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/primitives";
import { ReportView } from "@/components/reports/report-view";
import { isLocale } from "@/i18n/routing";
import { readReport } from "@/lib/reports/report";
import { reportPath } from "@/lib/reports/common";
import { appLink } from "@/lib/server/urls";

/** Never indexed, never cached (the proxy sends `private, no-store` for every page). */
export async function generateMetadata() {
  const t = await getTranslations("report");
  return { title: t("title"), robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" as const };
}

/**
 * A buyer report (docs/decisions/0036), public: the token in the URL is the credential. Opening
 * it counts a view. An unknown token is not found; an expired or revoked link, or one whose owner
 * no longer holds the car, says it is gone and shows nothing of the car.
 */
export default async function ReportPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  const result = await readReport(token, { locale, count: true });
  if (result.state === "invalid") notFound();
  if (result.state === "gone") {
    const t = await getTranslations("report");
    return (
      <div className="mx-auto max-w-lg space-y-3">
        <h1 className="text-xl font-semibold">{t("goneTitle")}</h1>
        <Alert tone="error" testId="report-gone">{t("gone")}</Alert>
      </div>
    );
  }
  return <ReportView report={result.report} token={token} locale={locale} url={appLink(locale, reportPath(token))} />;
}
