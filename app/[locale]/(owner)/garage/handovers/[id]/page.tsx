import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Card, PageTitle, buttonClass } from "@/components/ui/primitives";
import { BuyerOffer } from "@/components/handover/buyer-offer";
import { AcceptOfferedHandoverForm, DeclineOfferedHandoverForm, UndoHandoverForm, WithdrawHandoverForm } from "@/components/handover/forms";
import { requireActor } from "@/lib/server/guards";
import type { Actor } from "@/lib/server/authz";
import { getOfferedHandover, getSellerHandover } from "@/lib/handover/queries";

/**
 * A handover in the garage (docs/decisions/0034). Its seller follows it here: withdraw while it
 * waits, undo within 48 hours. A buyer with an account reaches it from their inbox message and
 * decides here, as behind the e-mailed link. Anyone else finds nothing.
 */
export default async function HandoverPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ started?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const h = await getSellerHandover(actor, id.slice(0, 40));
  if (!h) return <OfferedHandover actor={actor} id={id.slice(0, 40)} />;
  const [t, tp, format] = await Promise.all([getTranslations("handover.status"), getTranslations("products"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  const product = (p: string) => (hasKey(tp, p) ? tp(p) : p);
  const moving = h.contracts.filter((c) => c.moves);
  const ending = h.contracts.filter((c) => !c.moves);
  const stateDate = h.state === "pending" ? date(h.expiresAt) : h.decidedAt ? date(h.decidedAt) : "";
  const carStays = ["pending", "expired", "declined", "withdrawn", "undone", "undone_support"].includes(h.state);
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle sub={`${h.vehicle.make} ${h.vehicle.model} · ${h.vehicle.modelYear} · ${h.vehicle.vin}`}>{t("title", { car: `${h.vehicle.make} ${h.vehicle.model}` })}</PageTitle>
      {sp.started && h.state === "pending" ? <Alert tone="success" testId="notice">{t("started")}</Alert> : null}
      <Alert tone={h.state === "pending" || h.state === "accepted" ? "info" : "success"} testId="handover-state">
        {t(`states.${h.state}`, { date: stateDate })}
        {h.state === "undone_support" && h.undoReason ? <span className="mt-1 block whitespace-pre-line" data-testid="handover-support-reason">{t("supportReason", { reason: h.undoReason })}</span> : null}
      </Alert>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">{t("buyer")}</dt>
          <dd data-testid="handover-buyer">{h.buyerName}</dd>
          <dt className="text-zinc-500">{t("soldOn")}</dt>
          <dd>{date(h.soldOn)}</dd>
          <dt className="text-zinc-500">{t("mileage")}</dt>
          <dd>{format.number(h.mileageKm, "km")}</dd>
          <dt className="text-zinc-500">{t("contractsMoving")}</dt>
          <dd>{moving.length ? moving.map((c) => product(c.product)).join(", ") : t("none")}</dd>
          <dt className="text-zinc-500">{t("contractsEnding")}</dt>
          <dd>{ending.length ? ending.map((c) => product(c.product)).join(", ") : t("none")}</dd>
        </dl>
      </Card>
      {h.canWithdraw ? <WithdrawHandoverForm handoverId={h.id} /> : null}
      {h.canUndo && h.undoUntil ? (
        <Card className="space-y-3">
          <p className="text-sm text-zinc-700">{t("undoUntil", { date: format.dateTime(h.undoUntil, "dateTime") })}</p>
          <UndoHandoverForm handoverId={h.id} />
        </Card>
      ) : h.state === "accepted" ? (
        <p className="text-sm text-zinc-600" data-testid="undo-support">{t("undoSupport")}</p>
      ) : null}
      {carStays ? (
        <Link href={`/garage/vehicles/${h.vehicleId}`} className={buttonClass("ghost")}>
          {t("openCar")}
        </Link>
      ) : null}
    </div>
  );
}

/** The handover as its buyer with an account sees it: decide while it waits, else what became of it. */
async function OfferedHandover({ actor, id }: { actor: Actor; id: string }) {
  const h = await getOfferedHandover(actor, id);
  if (!h) notFound();
  const t = await getTranslations("handover.buyer");
  if (h.state !== "open") {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <Alert tone={h.state === "accepted" ? "info" : "error"} testId="handover-state">{t(`states.${h.state}`)}</Alert>
        {h.state === "accepted" && h.buyerHolds ? (
          <Link href={`/garage/vehicles/${h.vehicleId}`} className={buttonClass("secondary")}>
            {t("openCar")}
          </Link>
        ) : (
          <Link href="/garage" className={buttonClass("secondary")}>
            {t("openGarage")}
          </Link>
        )}
      </div>
    );
  }
  return (
    <BuyerOffer h={h}>
      <AcceptOfferedHandoverForm handoverId={h.id} />
      <div className="border-t pt-4">
        <DeclineOfferedHandoverForm handoverId={h.id} />
      </div>
    </BuyerOffer>
  );
}
