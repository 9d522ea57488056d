import { createTranslator } from "use-intl/core";
import { messagesFor } from "../../i18n/messages";
import type { RejectedLine } from "./vin-list";

/** The most rejected lines the message lists; the rest are counted. */
export const MAX_LINES_SHOWN = 20;

/** The rejected lines of a VIN list as one sentence in the user's language: "line 3 “ABC”: reason; …". */
export function describeRejectedLines(rejected: RejectedLine[], locale: string): string {
  const { locale: lang, messages } = messagesFor(locale);
  const t = createTranslator({ locale: lang, messages }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const reason = (r: RejectedLine) => t(`errors.fields.${r.error}`);
  const shown = rejected
    .slice(0, MAX_LINES_SHOWN)
    .map((r) => (r.line === 0 ? t("recalls.form.wholeFile", { reason: reason(r) }) : t("recalls.form.line", { line: r.line, value: r.value, reason: reason(r) })));
  if (rejected.length > MAX_LINES_SHOWN) shown.push(t("recalls.form.more", { count: rejected.length - MAX_LINES_SHOWN }));
  return shown.join("; ");
}
