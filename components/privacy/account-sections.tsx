import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card } from "@/components/ui/primitives";
import { buttonClass } from "@/components/ui/primitives";
import { ConsentSwitch, EmailChangeForm } from "./forms";
import type { ConsentPurposeT } from "@/lib/privacy/schemas";

export type ConsentRow = { purpose: ConsentPurposeT; state: "OFF" | "PENDING" | "CONFIRMED"; since: Date | null };

/** The account page's privacy cards: e-mail address, consents, export, delete (issue 14). */
export async function PrivacySections({ consents, staff }: { consents: ConsentRow[]; staff: boolean }) {
  const [t, format] = await Promise.all([getTranslations("privacy"), getFormatter()]);
  return (
    <>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <Card>
          <h2 className="mb-1 font-semibold">{t("email.title")}</h2>
          <p className="mb-3 text-sm text-zinc-600">{t("email.lead")}</p>
          <EmailChangeForm />
        </Card>
        {staff ? null : (
          <Card data-testid="consents">
            <h2 className="mb-1 font-semibold">{t("consents.title")}</h2>
            <p className="mb-3 text-sm text-zinc-600">{t("consents.lead")}</p>
            <ul className="divide-y text-sm">
              {consents.map((c) => (
                <li key={c.purpose} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`consent-${c.purpose}`}>
                  <div className="min-w-0">
                    <p className="font-medium">{t(`consents.purpose.${c.purpose}`)}</p>
                    <p className="text-xs text-zinc-500">{t(`consents.text.${c.purpose}`)}</p>
                    <p className="mt-1">
                      <Badge tone={c.state === "CONFIRMED" ? "green" : c.state === "PENDING" ? "amber" : "zinc"}>
                        <span data-testid="consent-state">
                          {c.state === "CONFIRMED" ? t("consents.status.CONFIRMED", { date: format.dateTime(c.since ?? new Date(), "date") }) : t(`consents.status.${c.state}`)}
                        </span>
                      </Badge>
                    </p>
                  </div>
                  <ConsentSwitch purpose={c.purpose} on={c.state !== "OFF"} />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <Card>
          <h2 className="mb-1 font-semibold">{t("export.title")}</h2>
          <p className="mb-3 text-sm text-zinc-600">{t("export.lead")}</p>
          <div className="flex flex-wrap gap-3">
            <a href="/api/account/export" download className={buttonClass("secondary")} data-testid="export-json">
              {t("export.json")}
            </a>
            <a href="/api/account/export/service-history" download className={buttonClass("secondary")} data-testid="export-csv">
              {t("export.csv")}
            </a>
          </div>
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">{t("delete.title")}</h2>
          <p className="mb-3 text-sm text-zinc-600">{t("delete.lead")}</p>
          <Link href="/account/delete" className={buttonClass("danger")}>
            {t("delete.open")}
          </Link>
        </Card>
      </div>
    </>
  );
}
