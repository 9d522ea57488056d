import { getFormatter, getTranslations } from "next-intl/server";
import { BookCheck } from "@/components/ui/icons";
import { Badge, Card } from "@/components/ui/primitives";
import type { OwnerPassport } from "@/lib/passports/queries/owner-passport";
import { EndRelationshipForm } from "./end-relationship-form";

const STATUS_TONE = { IN_STOCK: "zinc", RESERVED: "amber", SOLD: "blue", DELIVERED: "green" } as const;

/**
 * The AutoPaspoort on the owner's car page: status, maintenance, its transfers (other private
 * owners stay anonymous) and the garage's service relationship; the expected costs and the
 * garage's notes only for the buyer of the sale they were written for (`ownSale`).
 */
export async function OwnerPassportSection({ passport: p }: { passport: OwnerPassport }) {
  const [t, ts, format] = await Promise.all([getTranslations("passports.ownerView"), getTranslations("passports.statuses"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : "—");
  const money = (cents: number) => format.number(cents / 100, "eur");
  return (
    <Card data-testid="owner-passport" className="lg:col-span-2">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 font-semibold">
          <BookCheck aria-hidden className="size-5 text-brand-600" />
          {t("title")}
        </h2>
        <Badge tone={STATUS_TONE[p.status]}>{ts(p.status)}</Badge>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {p.ownSale ? (
          <div>
            <h3 className="mb-2 text-sm font-semibold">{t("costs")}</h3>
            {p.costItems.length === 0 ? (
              <p className="text-sm text-zinc-600">{t("noCosts")}</p>
            ) : (
              <table className="w-full text-sm">
                <tbody className="divide-y">
                  {p.costItems.map((c) => (
                    <tr key={c.id}>
                      <td className="py-1.5 pr-2">{c.description}</td>
                      <td className="py-1.5 text-right tabular-nums">{money(c.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 font-semibold">
                    <td className="py-1.5">{t("total")}</td>
                    <td className="py-1.5 text-right tabular-nums" data-testid="owner-cost-total">
                      {money(p.totalCents)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            )}
          </div>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("maintenance")}</h3>
          {p.maintenanceItems.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("noMaintenance")}</p>
          ) : (
            <ul className="divide-y text-sm">
              {p.maintenanceItems.map((m) => (
                <li key={m.id} className="py-1.5">
                  <span className={m.doneAt ? "text-zinc-500 line-through" : undefined}>{m.description}</span>
                  <span className="ml-2 text-xs text-zinc-500">{m.doneAt ? t("doneOn", { date: date(m.doneAt) }) : m.dueAt ? t("dueOn", { date: date(m.dueAt) }) : ""}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {p.ownSale && p.notes ? (
          <div className="md:col-span-2">
            <h3 className="mb-1 text-sm font-semibold">{t("notes")}</h3>
            <p className="whitespace-pre-line text-sm text-zinc-700">{p.notes}</p>
          </div>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("history")}</h3>
          <ul className="space-y-1 text-sm" data-testid="owner-passport-history">
            <li>
              {date(p.createdAt)} · {t("created", { garage: p.createdBy })}
            </li>
            {p.history.map((h) => (
              <li key={h.id}>
                {date(h.date)} · {t("transfer", { from: h.from, to: t(h.to) })}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("relationship")}</h3>
          {p.relationshipEndedAt ? (
            <p className="text-sm text-zinc-600" data-testid="relationship-ended">
              {t("ended", { garage: p.garage, date: date(p.relationshipEndedAt) })}
            </p>
          ) : (
            <div className="space-y-2">
              <p className="text-sm text-zinc-600">{t("active", { garage: p.garage })}</p>
              {p.canEndRelationship ? <EndRelationshipForm vehicleId={p.vehicleId} garage={p.garage} /> : null}
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
