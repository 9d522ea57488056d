import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageTitle } from "@/components/ui/primitives";
import { builtInCatcher } from "@/lib/server/mail/worker";

/** Development only: the built-in mail catcher's inbox (exists only when no SMTP_URL is set). */
export default async function DevMailPage() {
  const catcher = await builtInCatcher();
  if (!catcher) notFound();
  const t = await getTranslations("dev");
  const messages = [...catcher.messages].reverse();
  const linkify = (text: string) =>
    text.split(/(https?:\/\/[^\s]+)/g).map((part, i) =>
      /^https?:\/\//.test(part) ? (
        <a key={i} href={part} className="break-all text-brand-600 underline">
          {part}
        </a>
      ) : (
        <span key={i}>{part}</span>
      ),
    );
  return (
    <div className="space-y-4">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      {messages.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      {messages.map((m) => (
        <Card key={m.id} data-testid="dev-mail">
          <p className="text-xs text-zinc-500">
            {m.receivedAt} · {t("to")}: {m.to.join(", ")}
          </p>
          <h2 className="mt-1 font-semibold">{m.subject}</h2>
          <pre className="mt-3 whitespace-pre-wrap font-sans text-sm">{linkify(m.text)}</pre>
        </Card>
      ))}
    </div>
  );
}
