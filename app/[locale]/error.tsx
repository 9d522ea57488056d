"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-zinc-600">{t("errorLead")}</p>
      <button onClick={reset} className="mt-6 text-brand-600 hover:underline">
        {t("retry")}
      </button>
    </main>
  );
}
