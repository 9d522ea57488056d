import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowLeft } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, PageTitle } from "@/components/ui/primitives";
import { PlateText } from "@/components/passports/plate";
import { SupportUndoHandoverForm } from "@/components/handover/forms";
import { requireActor } from "@/lib/server/guards";
import { getSupportHandover } from "@/lib/handover/support-queries";

export async function generateMetadata() {
  const t = await getTranslations("handover.support");
  return { title: t("title") };
}

/**
 * One handover between owners for support (docs/decisions/0034, "support decides"): the car and
 * the sale, the steps, both parties (only support sees both), and the undo with a reason once the
 * seller's own 48 hours are over.
 */
export default async function SupportHandoverPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ undone?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "handovers:decide");
  const h = await getSupportHandover(actor, id.slice(0, 40));
  if (!h) notFound();
  const [t, tp, format] = await Promise.all([getTranslations("handover.support"), getTranslations("products"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, "dateTime");
  const product = (p: string) => (hasKey(tp, p) ? tp(p) : p);
  const moving = h.contracts.filter((c) => c.moves);
  const ending = h.contracts.filter((c) => !c.moves);
  const products = (list: { product: string }[]) => (list.length ? list.map((c) => product(c.product)).join(", ") : t("none"));
  const row = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="wrap-anywhere" data-testid={testId}>
        {value}
      </dd>
    </>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/console/handovers" className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline">
        <ArrowLeft aria-hidden className="size-4" />
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle sub={<span className="font-mono break-all">{h.vin}</span>}>{t("detailTitle", { car: h.car })}</PageTitle>
        <span data-testid="handover-status">
          <Badge tone={h.status === "ACCEPTED" ? "blue" : "zinc"}>{t(`statuses.${h.status}`)}</Badge>
        </span>
      </div>
      {sp.undone && h.status === "UNDONE" ? <Alert tone="success" testId="notice">{t("undoneNotice")}</Alert> : null}
      <Card className="space-y-2">
        <h2 className="font-semibold">{t("carTitle")}</h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {row(t("plate"), <PlateText plate={h.plate} />)}
          {row(t("modelYear"), h.modelYear)}
          {row(t("soldOn"), format.dateTime(h.soldOn, "date"))}
          {row(t("mileage"), format.number(h.mileageKm, "km"))}
          {row(t("contractsMoving"), products(moving))}
          {row(t("contractsEnding"), products(ending))}
        </dl>
      </Card>
      <Card className="space-y-2">
        <h2 className="font-semibold">{t("stepsTitle")}</h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {row(t("started"), when(h.startedAt))}
          {h.acceptedAt ? row(t("accepted"), when(h.acceptedAt)) : null}
          {row(t("opened"), h.openedAt ? when(h.openedAt) : t("notYet"), "handover-opened")}
          {h.status === "ACCEPTED" && h.sellerUndoUntil
            ? row(t("sellerWindow"), h.block === "seller_can_undo" ? t("sellerWindowOpen", { date: when(h.sellerUndoUntil) }) : t("sellerWindowClosed"), "seller-window")
            : null}
          {h.undoneAt ? row(t("undone"), h.undoneBy === "support" ? t("undoneBySupport", { date: when(h.undoneAt) }) : t("undoneBySeller", { date: when(h.undoneAt) }), "handover-undone") : null}
          {h.undoneBy === "support" && h.undoneByName ? row(t("decidedBy"), h.undoneByName) : null}
          {h.undoReason ? row(t("reason"), <span className="whitespace-pre-line">{h.undoReason}</span>, "handover-reason") : null}
        </dl>
      </Card>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Card className="space-y-2" data-testid="seller-side">
          <h2 className="font-semibold">{t("sellerTitle")}</h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm">
            {row(t("name"), h.seller.name)}
            {row(t("email"), h.seller.email)}
          </dl>
        </Card>
        <Card className="space-y-2" data-testid="buyer-side">
          <h2 className="font-semibold">{t("buyerTitle")}</h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm">
            {row(t("typedName"), h.buyer.typedName || "—")}
            {row(t("name"), h.buyer.name || "—")}
            {row(t("email"), h.buyer.email || "—")}
            {row(t("holds"), h.buyerHoldingEnded ? t("holdsNo", { date: when(h.buyerHoldingEnded) }) : t("holdsYes"), "buyer-holds")}
          </dl>
        </Card>
      </div>
      <p className="text-xs text-zinc-500">{t("partiesNote")}</p>
      {h.status === "ACCEPTED" ? (
        <Card className="space-y-3" data-testid="decide">
          <h2 className="font-semibold">{t("decideTitle")}</h2>
          {h.canUndo ? (
            <>
              <p className="text-sm text-zinc-600">{t("decideLead")}</p>
              <SupportUndoHandoverForm handoverId={h.id} />
            </>
          ) : h.block && h.block !== "undone" ? (
            <Alert tone="info" testId="decide-blocked">
              {t(`blocks.${h.block}`, { date: h.sellerUndoUntil ? when(h.sellerUndoUntil) : "" })}
            </Alert>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
