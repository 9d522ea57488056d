"use client";

import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { ShieldAlert, Undo2 } from "@/components/ui/icons";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { TextArea } from "@/components/forms/text-area";
import { UploadSlot } from "@/components/verification/request-form.client";
import { contestDisputeAction, decideDisputeAction, releaseDisputeAction } from "@/lib/disputes/actions";

/** "I sold it, release the car": confirmed in a dialog that says what ends. */
export function ReleaseDisputeForm({ disputeId }: { disputeId: string }) {
  const t = useTranslations("dispute");
  return (
    <ActionForm action={releaseDisputeAction}>
      <input type="hidden" name="disputeId" value={disputeId} />
      <ConfirmButton variant="primary" title={t("release")} description={t("releaseLead")} confirm={t("release")}>
        <Undo2 aria-hidden className="size-4" />
        {t("release")}
      </ConfirmButton>
    </ActionForm>
  );
}

/** "This is still my car": the holder's own registration certificate, and a note for the reviewer. */
export function ContestDisputeForm({ disputeId }: { disputeId: string }) {
  const t = useTranslations("dispute");
  const [busy, setBusy] = useState(false);
  const onBusy = useCallback((_kind: string, b: boolean) => setBusy(b), []);
  return (
    <ActionForm action={contestDisputeAction}>
      <input type="hidden" name="disputeId" value={disputeId} />
      <UploadSlot kind="REGISTRATION" onBusy={onBusy} />
      <TextArea name="note" label={t("note")} rows={3} maxLength={500} />
      <SubmitButton variant="secondary" disabled={busy}>
        <ShieldAlert aria-hidden className="size-4" />
        {t("contestSubmit")}
      </SubmitButton>
    </ActionForm>
  );
}

/** The reviewer's decision: who holds the car. */
export function DecideDisputeForms({ disputeId }: { disputeId: string }) {
  const t = useTranslations("dispute");
  return (
    <div className="flex flex-wrap gap-3">
      <ActionForm action={decideDisputeAction}>
        <input type="hidden" name="disputeId" value={disputeId} />
        <input type="hidden" name="winner" value="claimant" />
        <ConfirmButton variant="primary" title={t("giveToClaimant")} description={t("decideLead")} confirm={t("giveToClaimant")}>
          {t("giveToClaimant")}
        </ConfirmButton>
      </ActionForm>
      <ActionForm action={decideDisputeAction}>
        <input type="hidden" name="disputeId" value={disputeId} />
        <input type="hidden" name="winner" value="holder" />
        <ConfirmButton variant="secondary" title={t("keepWithHolder")} description={t("decideLead")} confirm={t("keepWithHolder")}>
          {t("keepWithHolder")}
        </ConfirmButton>
      </ActionForm>
    </div>
  );
}
