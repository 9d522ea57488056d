import { useFormatter, useTranslations } from "next-intl";
import { FileClock } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card } from "@/components/ui/primitives";
import { STATUS_TONE } from "./status";

export interface MyRequestRow {
  id: string;
  vin: string;
  status: keyof typeof STATUS_TONE;
  submittedAt: Date;
}

/** The owner's requests to add a car, on the garage page. */
export function MyRequests({ requests }: { requests: MyRequestRow[] }) {
  const t = useTranslations("garage");
  const tv = useTranslations("verification");
  const format = useFormatter();
  if (!requests.length) return null;
  return (
    <section aria-labelledby="my-requests" className="mt-8 space-y-3">
      <h2 id="my-requests" className="font-semibold">
        {t("requestsTitle")}
      </h2>
      <Card className="p-0 sm:p-0">
        <ul className="divide-y">
          {requests.map((r) => (
            <li key={r.id} data-testid="my-request" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="flex min-w-0 items-center gap-3">
                <FileClock aria-hidden className="size-5 shrink-0 text-zinc-400" />
                <div className="min-w-0">
                  <Link href={`/garage/verifications/${r.id}`} className="font-mono text-sm text-brand-600 hover:underline">
                    {t("requestFor", { vin: r.vin })}
                  </Link>
                  <p className="text-xs text-zinc-500">{format.dateTime(r.submittedAt, "date")}</p>
                </div>
              </div>
              <Badge tone={STATUS_TONE[r.status]}>{tv(`status.${r.status}`)}</Badge>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
