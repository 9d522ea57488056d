/**
 * A message's title and body in the reader's language, from `inbox.kinds.<kind>.title` / `.body`
 * and the parameters it was left with. Pure (no framework): the inbox page and the tests use it.
 *
 * A kind without texts (a newer version wrote it, or its texts are missing in this language) or
 * a text whose parameters are missing reads as the generic message, never as a raw key.
 */
import { createTranslator } from "use-intl/core";
import { formats, TIME_ZONE } from "../../i18n/formats";

type Tree = { [k: string]: string | Tree };
type Values = Record<string, string | number | Date>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function has(tree: Tree, path: string[]): boolean {
  let cur: string | Tree | undefined = tree;
  for (const p of path) {
    if (!cur || typeof cur !== "object" || !Object.hasOwn(cur, p)) return false;
    cur = cur[p];
  }
  return typeof cur === "string";
}

/** The parameters as the texts use them: an instant (ISO string) as a date, a product code as its name. */
function values(messages: Tree, data: Record<string, string | number | null>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === null) continue;
    out[k] = typeof v === "string" && ISO_INSTANT.test(v) ? new Date(v) : v;
  }
  if (typeof out.product === "string" && has(messages, ["products", out.product])) out.product = (messages.products as Tree)[out.product] as string;
  return out;
}

export interface RenderedMessage {
  title: string;
  body: string;
  /** False when the generic text stands in for the kind's own. */
  known: boolean;
}

export function renderMessage(locale: string, messages: Tree, m: { kind: string; data: Record<string, string | number | null> }): RenderedMessage {
  let failed = false;
  const t = createTranslator({
    locale: locale as "en",
    messages,
    formats,
    timeZone: TIME_ZONE,
    onError: () => {
      failed = true;
    },
    getMessageFallback: () => "",
  }) as unknown as (key: string, values?: Values) => string;
  const generic = (): RenderedMessage => ({ title: t("inbox.generic.title"), body: t("inbox.generic.body"), known: false });
  if (!/^[a-z0-9_]+$/.test(m.kind) || !has(messages, ["inbox", "kinds", m.kind, "title"]) || !has(messages, ["inbox", "kinds", m.kind, "body"])) return generic();
  const v = values(messages, m.data);
  const title = t(`inbox.kinds.${m.kind}.title`, v);
  const body = t(`inbox.kinds.${m.kind}.body`, v);
  if (failed || !title) return generic();
  return { title, body, known: true };
}
