import { getFormatter, getTranslations } from "next-intl/server";
import { RefreshCw } from "@/components/ui/icons";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { Badge, Card } from "@/components/ui/primitives";
import { hasKey } from "@/i18n/keys";
import { setContractRenewalAction } from "@/lib/contracts/actions";
import { ENDING_NOTICE_DAYS } from "@/lib/contracts/schemas";

const STATUS_TONE = { ACTIVE: "green", PENDING: "blue", CANCELLED: "zinc", EXPIRED: "amber" } as const;

export interface ContractRow {
  id: string;
  product: string;
  startsAt: Date | null;
  endsAt: Date | null;
  autoRenew: boolean;
  status: keyof typeof STATUS_TONE;
}

/** The car's contracts, for its owner: each with its term, and automatic renewal to turn on or off while it runs. */
export async function ContractsSection({ contracts, now = new Date() }: { contracts: ContractRow[]; now?: Date }) {
  const [t, tg, tp, format] = await Promise.all([getTranslations("contracts"), getTranslations("garage"), getTranslations("products"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : "—");
  const soon = now.getTime() + ENDING_NOTICE_DAYS * 86_400_000;
  return (
    <Card data-testid="contracts-section">
      <h2 className="mb-3 font-semibold">{t("title")}</h2>
      {contracts.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("none")}</p>
      ) : (
        <ul className="divide-y text-sm" aria-label={t("title")}>
          {contracts.map((c) => {
            const product = hasKey(tp, c.product) ? tp(c.product) : c.product;
            const active = c.status === "ACTIVE";
            return (
              <li key={c.id} className="space-y-2 py-3" data-testid="contract" data-renews={c.autoRenew ? "true" : "false"}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">{product}</p>
                    <p className="text-zinc-600">
                      {t("period", { start: date(c.startsAt), end: date(c.endsAt) })}
                      {active ? ` · ${c.autoRenew ? t("renews") : t("noRenewal")}` : ""}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {active && c.endsAt && c.endsAt.getTime() <= soon ? <Badge tone="amber">{t("endsSoon")}</Badge> : null}
                    <Badge tone={STATUS_TONE[c.status]}>{tg(`contractStatus.${c.status}`)}</Badge>
                  </div>
                </div>
                {active ? (
                  <ActionForm action={setContractRenewalAction} toast={c.autoRenew ? t("renewedOff") : t("renewedOn")} className="space-y-2">
                    <input type="hidden" name="contractId" value={c.id} />
                    <input type="hidden" name="autoRenew" value={c.autoRenew ? "" : "on"} />
                    <SubmitButton variant="secondary" size="sm">
                      <RefreshCw aria-hidden className="size-4" />
                      {c.autoRenew ? t("renewOff") : t("renewOn")}
                      <span className="sr-only">: {product}</span>
                    </SubmitButton>
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
