"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { endServiceRelationshipAction } from "@/lib/passports/actions";

export function EndRelationshipForm({ vehicleId, garage }: { vehicleId: string; garage: string }) {
  const t = useTranslations("passports.ownerView");
  return (
    <ActionForm action={endServiceRelationshipAction} className="space-y-0">
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <SubmitButton variant="secondary">{t("end", { garage })}</SubmitButton>
    </ActionForm>
  );
}
