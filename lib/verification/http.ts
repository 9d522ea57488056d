/** Helpers for the verification route handlers: translated error bodies and a bounded body read. */
import { createTranslator } from "use-intl/core";
import { hasKey } from "../../i18n/keys";
import { messagesFor } from "../../i18n/messages";
import type { AppError } from "../server/errors";

export function errorBody(error: AppError, locale: string | null) {
  const { locale: lang, messages } = messagesFor(locale ?? "nl");
  const t = createTranslator({ locale: lang, messages, namespace: "errors" });
  // An error's key is under errors. or, failing that, under errors.fields.
  const key = error.messageKey;
  const message = hasKey(t, key) ? t(key, error.params) : t(`fields.${key}`, error.params);
  return { ok: false as const, error: { code: error.code, message } };
}

/** Reads a request body up to `max` bytes; null when it is longer. */
export async function readBody(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
