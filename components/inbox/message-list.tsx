import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Check, CheckCheck, ChevronRight } from "@/components/ui/icons";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { Badge, Card, EmptyState } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";
import { messagesFor } from "@/i18n/messages";
import { renderMessage } from "@/lib/messages/render";
import type { InboxMessage } from "@/lib/messages/queries";
import { markAllMessagesReadAction, markMessageReadAction, openMessageAction } from "@/lib/messages/actions";

type Tree = Parameters<typeof renderMessage>[1];

/** "Mark all as read", shown while something is unread. */
export async function MarkAllRead({ unread }: { unread: number }) {
  if (unread === 0) return null;
  const t = await getTranslations("inbox");
  return (
    <ActionForm action={markAllMessagesReadAction} toast={t("allRead")} className="space-y-0">
      <SubmitButton variant="secondary">
        <CheckCheck aria-hidden className="size-4" />
        {t("markAllRead")}
      </SubmitButton>
    </ActionForm>
  );
}

/** The inbox: each message's title and text in the reader's language, unread ones marked. */
export async function MessageList({ messages }: { messages: InboxMessage[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("inbox"), getFormatter(), getLocale()]);
  if (messages.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const tree = messagesFor(locale).messages as unknown as Tree;
  return (
    <ul className="space-y-3" aria-label={t("title")}>
      {messages.map((m) => {
        const text = renderMessage(locale, tree, m);
        const unread = m.readAt === null;
        return (
          <li key={m.id} data-testid="message" data-unread={unread ? "true" : "false"} data-kind={m.kind}>
            <Card className={cn("p-4 sm:p-5", unread && "border-brand-200 bg-brand-50")}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={cn("break-words", unread ? "font-semibold" : "font-medium")} data-testid="message-title">
                      {text.title}
                    </span>
                    {unread ? <Badge tone="blue">{t("unread")}</Badge> : null}
                  </p>
                  <p className="break-words text-sm text-zinc-700" data-testid="message-body">
                    {text.body}
                  </p>
                  <p className="text-xs text-zinc-600">{format.dateTime(m.createdAt, "dateTime")}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {m.link ? (
                    <ActionForm action={openMessageAction} className="space-y-0">
                      <input type="hidden" name="messageId" value={m.id} />
                      <SubmitButton variant="secondary" size="compact">
                        {t("open")}
                        <span className="sr-only">: {text.title}</span>
                        <ChevronRight aria-hidden className="size-4" />
                      </SubmitButton>
                    </ActionForm>
                  ) : null}
                  {unread ? (
                    <ActionForm action={markMessageReadAction} className="space-y-0">
                      <input type="hidden" name="messageId" value={m.id} />
                      <SubmitButton variant="ghost" size="compact">
                        <Check aria-hidden className="size-4" />
                        {t("markRead")}
                        <span className="sr-only">: {text.title}</span>
                      </SubmitButton>
                    </ActionForm>
                  ) : null}
                </div>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
