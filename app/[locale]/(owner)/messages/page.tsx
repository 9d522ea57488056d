import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { PageTitle, buttonClass } from "@/components/ui/primitives";
import { MarkAllRead, MessageList } from "@/components/inbox/message-list";
import { requireActor } from "@/lib/server/guards";
import { listMessages } from "@/lib/messages/queries";

export async function generateMetadata() {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

export default async function MessagesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ after?: string | string[] }> }) {
  const { locale } = await params;
  const { after } = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const [t, inbox] = await Promise.all([getTranslations("inbox"), listMessages(actor, { after: typeof after === "string" ? after.slice(0, 40) : undefined })]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("lead")} className="mb-0">
          {t("title")}
        </PageTitle>
        <MarkAllRead unread={inbox.unread} />
      </div>
      <MessageList messages={inbox.messages} />
      <div className="flex flex-wrap gap-3">
        {after ? (
          <Link href="/messages" className={buttonClass("ghost")}>
            {t("newest")}
          </Link>
        ) : null}
        {inbox.next ? (
          <Link href={{ pathname: "/messages", query: { after: inbox.next } }} className={buttonClass("secondary")} data-testid="older-messages">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
