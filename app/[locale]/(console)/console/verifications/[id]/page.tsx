import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle, ArrowLeft, ExternalLink } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, PageTitle } from "@/components/ui/primitives";
import { ApproveForm, ClaimForm, RejectForm, ReleaseForm } from "@/components/verification/review-forms";
import { STATUS_TONE } from "@/components/verification/status";
import { requireActor } from "@/lib/server/guards";
import { getReviewRequest } from "@/lib/verification/queries";

export async function generateMetadata() {
  const t = await getTranslations("verification");
  return { title: t("requestTitle") };
}

export default async function ReviewVerificationPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ decided?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "verification:review");
  const r = await getReviewRequest(actor, id.slice(0, 40));
  if (!r) notFound();
  const [t, td, format] = await Promise.all([getTranslations("verification"), getTranslations("dispute"), getFormatter()]);
  const now = new Date();
  const when = (d: Date) => format.dateTime(d, "dateTime");
  const day = (d: Date) => format.dateTime(d, "calendarDate");
  // The reason is stored as text: one the message files do not know reads as "other".
  const reason = (code: string) => {
    const key = `reasons.${code}`;
    return hasKey(t, key) ? t(key) : t("reasons.OTHER");
  };
  const person = (p: { firstName: string; lastName: string } | null) => (p ? `${p.firstName} ${p.lastName}`.trim() : "");
  const open = r.status === "SUBMITTED" || r.status === "IN_REVIEW";
  // A claim that lapsed (its holder left, or 48 hours passed) holds nothing: the request is waiting.
  const status = r.claimable ? "SUBMITTED" : r.status;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle sub={<span className="font-mono">{r.vin}</span>}>{t("requestTitle")}</PageTitle>
        <span data-testid="request-status">
          <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
        </span>
      </div>
      {sp.decided === "approved" ? <Alert tone="success" testId="notice">{t("approvedNotice")}</Alert> : null}
      {sp.decided === "disputed" ? <Alert tone="success" testId="notice">{td("disputedNotice")}</Alert> : null}
      {sp.decided === "rejected" ? (
        <Alert tone="success" testId="notice">
          {r.documentsPurgedAt ? t("rejectedNotice") : t("rejectedNoticeCopiesPending")}
        </Alert>
      ) : null}

      <Card>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-zinc-500">{t("requester")}</dt>
          <dd data-testid="requester" className="wrap-anywhere">
            {person(r.requester)} · {r.requester.email}
          </dd>
          <dt className="text-zinc-500">{t("relationshipLabel")}</dt>
          <dd>{t(`relationshipShort.${r.relationship}`)}</dd>
          <dt className="text-zinc-500">{t("language")}</dt>
          <dd>{t(`languages.${r.locale}`)}</dd>
          <dt className="text-zinc-500">{t("submittedAt")}</dt>
          <dd>
            {when(r.submittedAt)} ({format.relativeTime(r.submittedAt, now)})
          </dd>
          <dt className="text-zinc-500">{t("routedTo")}</dt>
          <dd>{r.route === "SUPPORT" ? t("routeSupportBadge") : r.dealer?.name}</dd>
          {r.claimedBy && !r.mine ? (
            <>
              <dt className="text-zinc-500">{t("status.IN_REVIEW")}</dt>
              <dd>{t("claimedBy", { name: person(r.claimedBy) })}</dd>
            </>
          ) : null}
          {r.decidedAt ? (
            <>
              <dt className="text-zinc-500">{t("decidedOn")}</dt>
              <dd>
                {when(r.decidedAt)}
                {r.decidedBy ? ` · ${t("decidedBy", { name: person(r.decidedBy) })}` : ""}
              </dd>
            </>
          ) : null}
          {r.status === "REJECTED" ? (
            <>
              <dt className="text-zinc-500">{t("reason")}</dt>
              <dd>
                {r.rejectionReason ? reason(r.rejectionReason) : "—"}
                {r.rejectionNote ? <span className="block whitespace-pre-line text-zinc-600">{r.rejectionNote}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      {r.claimable ? (
        <Card className="space-y-3">
          <p className="text-sm text-zinc-600">{t("claimLead")}</p>
          <ClaimForm requestId={r.id} />
        </Card>
      ) : null}

      {r.mine ? (
        // The reviewer types the facts while reading the documents: on a wide screen the documents
        // stay in view beside the form (their column scrolls on its own); on a phone they come first.
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto" data-testid="documents-card">
            <h2 className="font-semibold">{t("documentsTitle")}</h2>
            <div className="grid grid-cols-1 gap-4" data-testid="documents">
              {r.documents.map((d) => {
                const src = `/api/verification/documents/${d.id}`;
                const label = t(`kinds.${d.kind}`);
                return (
                  <figure key={d.id} className="space-y-2" data-testid={`document-${d.kind}`}>
                    <figcaption className="flex items-center justify-between gap-2 text-sm font-medium">
                      {label}
                      <a href={src} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-xs font-normal text-brand-600 hover:underline">
                        <ExternalLink aria-hidden className="size-3" />
                        {t("openInTab")}
                      </a>
                    </figcaption>
                    {d.mimeType === "application/pdf" ? (
                      <iframe src={src} title={t("pdfTitle", { kind: label })} className="h-96 w-full rounded-lg border border-zinc-200 bg-zinc-50" />
                    ) : (
                      // An authorised, uncacheable response: next/image would fetch and cache it without the reviewer's session.
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={src} alt={label} className="max-h-96 w-full rounded-lg border border-zinc-200 bg-zinc-50 object-contain" />
                    )}
                  </figure>
                );
              })}
            </div>
          </Card>
          <div className="min-w-0 space-y-6" data-testid="decision-column">
            {r.activeOwner ? (
              <Alert tone="error" testId="active-owner">
                <span className="inline-flex items-start gap-1">
                  <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
                  {r.activeOwner.isRequester ? t("activeOwnerIsRequester") : t("activeOwner", { date: day(r.activeOwner.since) })}
                </span>
              </Alert>
            ) : null}
            <Card className="space-y-4">
              <div>
                <h2 className="font-semibold">{t("approveTitle")}</h2>
                <p className="text-sm text-zinc-600">{t("approveLead")}</p>
                <p className="mt-1 text-sm text-zinc-600">
                  {r.vehicle ? t("carKnown", { car: `${r.vehicle.make} ${r.vehicle.model} ${r.vehicle.modelYear}` }) : t("carUnknown")}
                </p>
              </div>
              <ApproveForm requestId={r.id} vin={r.vin} vehicle={r.vehicle} askOwnershipChange={!!r.activeOwner && !r.activeOwner.isRequester && r.relationship === "OWNER"} />
            </Card>
            <Card className="space-y-4">
              <h2 className="font-semibold">{t("rejectTitle")}</h2>
              <RejectForm requestId={r.id} />
            </Card>
            <Card>
              <ReleaseForm requestId={r.id} />
            </Card>
          </div>
        </div>
      ) : (
        <Card className="space-y-4">
          <h2 className="font-semibold">{t("documentsTitle")}</h2>
          <p className="text-sm text-zinc-600" data-testid="documents-state">
            {r.documentsPurgedAt ? t("documentsGone", { date: day(r.documentsPurgedAt) }) : !open ? t("documentsGoing") : t("documentsHidden")}
          </p>
        </Card>
      )}

      {r.facts ? (
        <Card>
          <h2 className="font-semibold">{t("factsTitle")}</h2>
          <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="facts">
            <dt className="text-zinc-500">{t("facts.idDocumentType")}</dt>
            <dd>{t(`idTypes.${r.facts.idDocumentType}`)}</dd>
            <dt className="text-zinc-500">{t("facts.fullName")}</dt>
            <dd>{r.facts.fullName}</dd>
            <dt className="text-zinc-500">{t("facts.dateOfBirth")}</dt>
            <dd>{day(r.facts.dateOfBirth)}</dd>
            <dt className="text-zinc-500">{t("facts.placeOfBirth")}</dt>
            <dd>{r.facts.placeOfBirth}</dd>
            <dt className="text-zinc-500">{t("facts.address")}</dt>
            <dd>{r.facts.address}</dd>
            <dt className="text-zinc-500">{t("facts.documentValidUntil")}</dt>
            <dd>{day(r.facts.documentValidUntil)}</dd>
            <dt className="text-zinc-500">{t("facts.vin")}</dt>
            <dd className="font-mono">{r.facts.vin}</dd>
            <dt className="text-zinc-500">{t("facts.plate")}</dt>
            <dd className="whitespace-nowrap font-mono" data-testid="plate">
              {r.facts.plate ?? "—"}
            </dd>
            <dt className="text-zinc-500">{t("facts.registeredOwnerName")}</dt>
            <dd>{r.facts.registeredOwnerName}</dd>
            <dt className="text-zinc-500">{t("facts.registeredOwnerAddress")}</dt>
            <dd>{r.facts.registeredOwnerAddress}</dd>
            <dt className="text-zinc-500">{t("facts.verifiedAt")}</dt>
            <dd>{when(r.facts.verifiedAt)}</dd>
          </dl>
        </Card>
      ) : null}

      <Link href="/console/verifications" className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline">
        <ArrowLeft aria-hidden className="size-4" />
        {t("queueTitle")}
      </Link>
    </div>
  );
}
