import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <p className="mt-2 text-zinc-600">{t("notFoundLead")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 hover:underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
