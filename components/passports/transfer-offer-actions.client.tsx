"use client";

import { useTranslations } from "next-intl";
import { Check } from "@/components/ui/icons";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { acceptTransferAction, declineTransferAction } from "@/lib/passports/actions";

/** The buyer's answer to a transfer notification in their garage. */
export function TransferOfferActions({ transferId, declineOnly }: { transferId: string; declineOnly?: boolean }) {
  const t = useTranslations("passports.offers");
  return (
    <div className="flex flex-wrap gap-2">
      {declineOnly ? null : (
        <ActionForm action={acceptTransferAction} className="space-y-0">
          <input type="hidden" name="transferId" value={transferId} />
          <SubmitButton>
            <Check aria-hidden className="size-4" />
            {t("accept")}
          </SubmitButton>
        </ActionForm>
      )}
      <ActionForm action={declineTransferAction} className="space-y-0">
        <input type="hidden" name="transferId" value={transferId} />
        <SubmitButton variant="secondary">{t("decline")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
