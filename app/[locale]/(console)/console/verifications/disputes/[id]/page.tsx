import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowLeft, ExternalLink } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, PageTitle } from "@/components/ui/primitives";
import { DecideDisputeForms } from "@/components/disputes/forms";
import { requireActor } from "@/lib/server/guards";
import { getReviewDispute } from "@/lib/disputes/queries";

export async function generateMetadata() {
  const t = await getTranslations("dispute");
  return { title: t("reviewTitle") };
}

type Doc = { id: string; kind: "ID_FRONT" | "ID_BACK" | "REGISTRATION" | "AUTHORISATION"; mimeType: string };

/** A contested claim for its reviewer (docs/decisions/0035): both sides' documents side by side, and the decision. */
export default async function ReviewDisputePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ decided?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "verification:review");
  const d = await getReviewDispute(actor, id.slice(0, 40));
  if (!d) notFound();
  const [t, tv, format] = await Promise.all([getTranslations("dispute"), getTranslations("verification"), getFormatter()]);
  const day = (x: Date) => format.dateTime(x, "date");
  const open = d.status === "CONTESTED";

  const documents = (docs: Doc[], side: string) =>
    docs.length === 0 ? (
      <p className="text-sm text-zinc-600" data-testid={`${side}-documents-gone`}>
        {t("documentsGone")}
      </p>
    ) : (
      <div className="grid grid-cols-1 gap-4" data-testid={`${side}-documents`}>
        {docs.map((doc) => {
          const src = `/api/verification/disputes/${d.id}/documents/${doc.id}`;
          const label = tv(`kinds.${doc.kind}`);
          return (
            <figure key={doc.id} className="space-y-2" data-testid={`${side}-document-${doc.kind}`}>
              <figcaption className="flex items-center justify-between gap-2 text-sm font-medium">
                {label}
                <a href={src} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-xs font-normal text-brand-600 hover:underline">
                  <ExternalLink aria-hidden className="size-3" />
                  {tv("openInTab")}
                </a>
              </figcaption>
              {doc.mimeType === "application/pdf" ? (
                <iframe src={src} title={tv("pdfTitle", { kind: label })} className="h-80 w-full rounded-lg border border-zinc-200 bg-zinc-50" />
              ) : (
                // An authorised, uncacheable response: next/image would fetch it without the reviewer's session.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={src} alt={label} className="max-h-80 w-full rounded-lg border border-zinc-200 bg-zinc-50 object-contain" />
              )}
            </figure>
          );
        })}
      </div>
    );

  return (
    <div className="space-y-6">
      <Link href="/console/verifications" className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline">
        <ArrowLeft aria-hidden className="size-4" />
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle sub={<span className="font-mono">{d.vin}</span>}>{`${t("reviewTitle")}: ${d.car}`}</PageTitle>
        <span data-testid="dispute-status">
          <Badge tone={open ? "amber" : "zinc"}>{t(`status.${d.status}`)}</Badge>
        </span>
      </div>
      {sp.decided === "claimant" ? <Alert tone="success" testId="notice">{t("decidedClaimant")}</Alert> : null}
      {sp.decided === "holder" ? <Alert tone="success" testId="notice">{t("decidedHolder")}</Alert> : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="space-y-3" data-testid="claimant-side">
          <h2 className="font-semibold">{t("claimantSide")}</h2>
          <p className="text-sm wrap-anywhere">
            {d.claimant.name} · {d.claimant.email}
          </p>
          {d.claimant.facts ? (
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-zinc-500">{tv("facts.fullName")}</dt>
              <dd>{d.claimant.facts.fullName}</dd>
              <dt className="text-zinc-500">{tv("facts.registeredOwnerName")}</dt>
              <dd>{d.claimant.facts.registeredOwnerName}</dd>
              <dt className="text-zinc-500">{tv("facts.registeredOwnerAddress")}</dt>
              <dd>{d.claimant.facts.registeredOwnerAddress}</dd>
            </dl>
          ) : null}
          {documents(d.claimant.documents, "claimant")}
        </Card>
        <Card className="space-y-3" data-testid="holder-side">
          <h2 className="font-semibold">{t("holderSide")}</h2>
          <p className="text-sm wrap-anywhere">
            {d.holder.name} · {d.holder.email}
          </p>
          <p className="text-sm text-zinc-600">{t("holderSince", { date: day(d.holder.since) })}</p>
          {d.contestNote ? (
            <p className="text-sm">
              <span className="font-medium">{t("contestNote")}: </span>
              <span className="whitespace-pre-line">{d.contestNote}</span>
            </p>
          ) : null}
          {documents(d.holder.documents, "holder")}
        </Card>
      </div>
      {open ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("decideTitle")}</h2>
          <p className="text-sm text-zinc-600">{t("decideLead")}</p>
          <DecideDisputeForms disputeId={d.id} />
        </Card>
      ) : null}
    </div>
  );
}
