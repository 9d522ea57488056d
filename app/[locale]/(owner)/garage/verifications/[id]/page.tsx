import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Car, FileX2, Plus } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, PageTitle, buttonClass } from "@/components/ui/primitives";
import { Timeline, type TimelineStep } from "@/components/verification/timeline";
import { WithdrawForm } from "@/components/verification/review-forms";
import { requireActor } from "@/lib/server/guards";
import { getMyRequest } from "@/lib/verification/queries";
import { getClaimantDispute } from "@/lib/disputes/queries";
import { STATUS_TONE } from "@/components/verification/status";

export async function generateMetadata() {
  const t = await getTranslations("verification");
  return { title: t("requestTitle") };
}

export default async function MyVerificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ submitted?: string; withdrawn?: string }>;
}) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const r = await getMyRequest(actor, id.slice(0, 40));
  if (!r) notFound();
  const [t, td, format, dispute] = await Promise.all([getTranslations("verification"), getTranslations("dispute"), getFormatter(), getClaimantDispute(actor, r.id)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, "dateTime") : undefined);
  const day = (d: Date) => format.dateTime(d, "calendarDate");
  // The reason is stored as text: one the message files do not know reads as "other".
  const reason = (code: string) => {
    const key = `reasons.${code}`;
    return hasKey(t, key) ? t(key) : t("reasons.OTHER");
  };
  const open = r.status === "SUBMITTED" || r.status === "IN_REVIEW";

  const steps: TimelineStep[] = [{ key: "submitted", label: t("timeline.submitted"), state: "done", when: when(r.submittedAt) }];
  if (r.status === "SUBMITTED") steps.push({ key: "review", label: t("timeline.waiting"), state: "current" });
  else if (r.claimedAt) steps.push({ key: "review", label: t("timeline.inReview"), state: r.status === "IN_REVIEW" ? "current" : "done", when: when(r.claimedAt) });
  if (r.status === "APPROVED") steps.push({ key: "decision", label: t("timeline.approved"), state: "done", when: when(r.decidedAt) });
  else if (r.status === "REJECTED")
    steps.push({
      key: "decision",
      label: t("timeline.rejected"),
      state: "failed",
      when: when(r.decidedAt),
      detail: (
        <dl className="space-y-1">
          <div>
            <dt className="inline font-medium">{t("reason")}: </dt>
            <dd className="inline" data-testid="rejection-reason">
              {r.rejectionReason ? reason(r.rejectionReason) : "—"}
            </dd>
          </div>
          {r.rejectionNote ? (
            <div>
              <dt className="inline font-medium">{t("note")}: </dt>
              <dd className="inline whitespace-pre-line">{r.rejectionNote}</dd>
            </div>
          ) : null}
        </dl>
      ),
    });
  else if (r.status === "WITHDRAWN") steps.push({ key: "decision", label: t("timeline.withdrawn"), state: "failed", when: when(r.withdrawnAt) });
  else steps.push({ key: "decision", label: t("timeline.decision"), state: "pending" });

  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle sub={<span className="font-mono">{r.vin}</span>}>{t("requestTitle")}</PageTitle>
      {sp.submitted ? <Alert tone="success" testId="notice">{t("submittedNotice")}</Alert> : null}
      {sp.withdrawn ? <Alert tone="success" testId="notice">{t("withdrawnNotice")}</Alert> : null}
      {dispute ? (
        // The car is another owner's (docs/decisions/0035): only that they were asked, never who.
        <Alert tone={dispute.status === "OPEN" || dispute.status === "CONTESTED" ? "info" : dispute.vehicleId ? "success" : "info"} testId="dispute-state">
          {dispute.status === "OPEN"
            ? td("claimant.OPEN", { date: format.dateTime(dispute.respondBy, "date") })
            : dispute.status === "CONTESTED"
              ? td("claimant.CONTESTED")
              : dispute.vehicleId
                ? td("claimant.won")
                : dispute.status === "HOLDER_UPHELD"
                  ? td("claimant.HOLDER_UPHELD")
                  : td("claimant.WITHDRAWN")}
        </Alert>
      ) : null}
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="font-semibold">{t("timelineTitle")}</h2>
          <span data-testid="request-status">
            <Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
          </span>
        </div>
        <Timeline steps={steps} label={t("timelineTitle")} />
        <p className="text-sm text-zinc-600">
          {t(`relationshipShort.${r.relationship}`)} · {r.reviewer ? t("reviewedByDealer", { dealer: r.reviewer }) : t("reviewedBySupport")}
        </p>
        {r.status === "APPROVED" && r.carInGarage && r.vehicleId ? (
          <Link href={`/garage/vehicles/${r.vehicleId}`} className={buttonClass("primary")}>
            <Car aria-hidden className="size-4" />
            {t("openCar")}
          </Link>
        ) : null}
        {r.status === "REJECTED" || r.status === "WITHDRAWN" ? (
          <Link href="/garage/verifications/new" className={buttonClass("secondary")}>
            <Plus aria-hidden className="size-4" />
            {t("newRequest")}
          </Link>
        ) : null}
      </Card>

      <Card>
        <div className="flex items-start gap-3">
          <FileX2 aria-hidden className="mt-0.5 size-5 text-zinc-400" />
          <div>
            <h2 className="font-semibold">{t("copiesTitle")}</h2>
            <p className="text-sm text-zinc-700" data-testid="copies-state">
              {r.documentsPurgedAt ? t("copiesDeleted", { date: day(r.documentsPurgedAt) }) : open ? t("copiesWillBeDeleted", { date: day(r.copiesDeleteBy) }) : t("copiesPending")}
            </p>
            {open ? (
              <ul className="mt-2 flex flex-wrap gap-2">
                {r.documents.map((d) => (
                  <li key={d.kind}>
                    <Badge>{t(`kinds.${d.kind}`)}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      </Card>

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
            <dt className="text-zinc-500">{t("facts.registeredOwnerName")}</dt>
            <dd>{r.facts.registeredOwnerName}</dd>
            <dt className="text-zinc-500">{t("facts.registeredOwnerAddress")}</dt>
            <dd>{r.facts.registeredOwnerAddress}</dd>
          </dl>
        </Card>
      ) : null}

      {open ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("withdraw")}</h2>
          <p className="text-sm text-zinc-600">{t("withdrawLead")}</p>
          <WithdrawForm requestId={r.id} />
        </Card>
      ) : null}
    </div>
  );
}
