import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/action-form";

/** The buyer's name and address, as entered on confirming a transfer and corrected afterwards. */
export function ContactFields({ contact }: { contact?: { name?: string | null; street?: string | null; postalCode?: string | null; city?: string | null } }) {
  const t = useTranslations("passports.contact");
  return (
    <>
      <Field name="name" label={t("name")} autoComplete="off" defaultValue={contact?.name ?? ""} required />
      <Field name="street" label={t("street")} autoComplete="off" defaultValue={contact?.street ?? ""} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field name="postalCode" label={t("postalCode")} autoComplete="off" defaultValue={contact?.postalCode ?? ""} />
        <Field name="city" label={t("city")} autoComplete="off" defaultValue={contact?.city ?? ""} />
      </div>
    </>
  );
}
