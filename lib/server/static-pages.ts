/**
 * The signed-out pages prerendered at build time (docs/decisions/0041): which paths they are,
 * how the proxy knows a visitor may be signed in, and the hashes of each page's inline scripts
 * for its CSP. Imported by proxy.ts, so nothing here may need a request or the database.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isLocale } from "../../i18n/routing";

export type StaticPage = "" | "/sign-in" | "/sign-up";

/** `/nl`, `/en/sign-in`, `/fr/sign-up`…: the locale and the page, or null for any other path. */
export function staticPageOf(pathname: string): { locale: string; page: StaticPage } | null {
  const m = /^\/([^/]+)(\/sign-in|\/sign-up)?\/?$/.exec(pathname);
  if (!m || !isLocale(m[1])) return null;
  return { locale: m[1], page: (m[2] ?? "") as StaticPage };
}

/** next-auth's session cookie (`authjs.session-token`, `__Secure-` over HTTPS, `.0`, `.1` when chunked). */
export function isSessionCookie(name: string): boolean {
  return /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);
}

const hashes = new Map<string, string[] | null>();

/**
 * The CSP sources of a prerendered page's inline scripts (`'sha256-…'`), read once from the
 * build's HTML file; null when there is none (`next dev` renders every request, with the nonce).
 */
export function inlineScriptHashes(urlPath: string): string[] | null {
  if (hashes.has(urlPath)) return hashes.get(urlPath)!;
  const dist = process.env.NEXT_DIST_DIR || ".next";
  let found: string[] | null = null;
  try {
    const html = readFileSync(path.join(process.cwd(), dist, "server", "app", `${urlPath}.html`), "utf8");
    found = [];
    // An inline script is one without src; its text runs up to the first "</script" (the HTML
    // parser's rule, and React escapes that sequence inside the payload).
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script/gi)) {
      found.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
    }
    found = [...new Set(found)];
  } catch {
    found = null;
  }
  hashes.set(urlPath, found);
  return found;
}
