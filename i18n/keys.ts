/**
 * Typed message keys for the places where a key is chosen at run time. A key the code spells out
 * is checked by the compiler through next-intl's AppConfig (i18n/app-config.ts); these cover the
 * rest: error keys carried by an AppError, and keys read from the database (an audit action).
 */
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type { Messages } from "./messages";

type Errors = Messages["errors"];

/** A message under `errors.` (e.g. "invitation_expired", "codes.NOT_FOUND", "fields.required"). */
export type ErrorKey = MessageKeys<Errors, NestedKeyOf<Errors>>;

/** A message under `errors.fields.`: the text shown next to a form field. */
export type FieldErrorKey = keyof Errors["fields"] & string;

/**
 * `t.has` for a key only known at run time (from the database, a zod issue): true when the
 * translator has the key, and then the key is typed as one `t` accepts.
 */
export function hasKey<K extends string>(t: { has(key: K): boolean }, key: string): key is K {
  // The one cast: `t.has` accepts only keys it knows at compile time, and checking an unknown
  // string at run time is what it is asked here; the predicate states exactly its answer.
  return t.has(key as K);
}
