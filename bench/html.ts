/** Reading a page's HTML as the browser gets it: its script files, its inline scripts, its RSC payload's messages (bench/client.ts). */

/** The src of every <script src> of the page, each once. */
export function scriptSources(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
}

/** Bytes of the inline scripts (the RSC payload among them). */
export function inlineScriptBytes(html: string): number {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
}

/** The RSC payload of a page: the strings of its self.__next_f.push([1, "…"]) calls, joined. */
export function flightPayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) out += JSON.parse(m[1]!) as string;
  return out;
}

/** The JSON object starting at `start` (a "{"), by brace matching outside strings. */
export function objectAt(s: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return s.slice(start, i + 1);
  }
  return "{}";
}

/** Top-level namespaces of every `"messages":{…}` in the payload, and its bytes. */
export function messageNamespaces(html: string): { namespaces: string[]; bytes: number } {
  const payload = flightPayload(html);
  const namespaces = new Set<string>();
  let bytes = 0;
  for (const m of payload.matchAll(/"messages":\{/g)) {
    const text = objectAt(payload, m.index! + '"messages":'.length);
    bytes += Buffer.byteLength(text);
    try {
      for (const k of Object.keys(JSON.parse(text) as object)) namespaces.add(k);
    } catch {
      // a "messages" key of something else
    }
  }
  return { namespaces: [...namespaces].sort(), bytes };
}
