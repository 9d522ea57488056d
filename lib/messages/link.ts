/**
 * A message's link is a path inside the portal, without the locale: `/garage/vehicles/<id>`. It
 * is checked when the message is left and again when it is shown or followed, so a row written by
 * other means (a data fix, an older version) can never send the owner to another site.
 */

/** Segments of letters, digits, `-`, `_` and `.` (no `..`), an optional plain query and section anchor. */
const PATH = /^(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+\/?(\?[A-Za-z0-9_.=&-]*)?(#[A-Za-z0-9_-]+)?$|^\/$/;

/** The path if it is a portal path, else null. */
export function internalPath(link: unknown): string | null {
  if (typeof link !== "string" || link.length > 300) return null;
  if (!PATH.test(link)) return null;
  if (link.split(/[?#]/)[0].split("/").some((seg) => seg === "." || seg === "..")) return null;
  return link;
}
