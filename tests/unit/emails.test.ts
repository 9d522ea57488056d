import { describe, expect, it } from "vitest";
import { isTemplate, renderEmail, TEMPLATES, type TemplateName } from "@/emails";
import nl from "@/messages/nl.json";
import en from "@/messages/en.json";

type Tree = { [k: string]: string | Tree };
const FILES = { nl: nl as Tree, en: en as Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

/** A message with its simple {placeholders} filled, for comparison with the rendered e-mail. */
function expected(locale: "nl" | "en", key: string, params: Record<string, string>): string {
  const msg = flatten(FILES[locale])[`emails.${key}`];
  if (msg === undefined) throw new Error(`missing emails.${key} in ${locale}.json`);
  return msg.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? `{${k}}`);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const NAMES = Object.keys(TEMPLATES) as TemplateName[];
const PAYLOAD = { name: "Ann", organisation: "Garage Zuid", url: "https://autodossier.example/nl/activate/Tok_en-123?a=1&b=2" };

describe("e-mail templates", () => {
  it("has templates to test", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of NAMES) {
    for (const locale of ["nl", "en"] as const) {
      it(`${name} renders in ${locale}`, () => {
        const def = TEMPLATES[name] as { paragraphs: string[]; action?: { urlField: string; labelKey: string } };
        const mail = renderEmail(name, locale, PAYLOAD);

        expect(mail.subject).toBe(expected(locale, `${name}.subject`, PAYLOAD));
        expect(mail.subject).not.toMatch(/emails\.|\{/);
        expect(mail.text).toContain(expected(locale, "greetingNamed", PAYLOAD));
        expect(mail.text).toContain(expected(locale, "footer", PAYLOAD));
        for (const p of def.paragraphs) {
          const para = expected(locale, `${name}.${p}`, PAYLOAD);
          expect(mail.text).toContain(para);
          expect(mail.html).toContain(escapeHtml(para));
        }
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);

        if (def.action) {
          const label = expected(locale, `${name}.${def.action.labelKey}`, PAYLOAD);
          expect(mail.text).toContain(`${label}: ${PAYLOAD.url}`);
          expect(mail.html).toContain(`href="${escapeHtml(PAYLOAD.url)}"`);
          expect(mail.html).toContain(escapeHtml(PAYLOAD.url));
        } else {
          expect(mail.text).not.toContain(PAYLOAD.url);
          expect(mail.html).not.toContain("href=");
        }
      });
    }
  }

  it("speaks the recipient's language: nl and en differ, fr falls back to en, unknown to nl", () => {
    for (const name of NAMES) {
      expect(renderEmail(name, "nl", PAYLOAD).subject).not.toBe(renderEmail(name, "en", PAYLOAD).subject);
    }
    expect(renderEmail("activation", "fr", PAYLOAD).subject).toBe(renderEmail("activation", "en", PAYLOAD).subject);
    expect(renderEmail("activation", "xx", PAYLOAD).subject).toBe(renderEmail("activation", "nl", PAYLOAD).subject);
  });

  it("uses the plain greeting without a name", () => {
    const mail = renderEmail("password-changed", "en", {});
    expect(mail.text.split("\n")[0]).toBe(expected("en", "greeting", {}));
  });

  it("escapes every value in the HTML part", () => {
    const evil = {
      name: `<script>alert("x")</script>`,
      organisation: `Garage "Zuid" & <b>Co</b>`,
      url: `https://autodossier.example/x?a=1&b="><img src=x onerror=alert(1)>`,
    };
    for (const name of NAMES) {
      const { html, text, subject } = renderEmail(name, "en", evil);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<b>Co</b>");
      expect(html).not.toContain("<img");
      expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      // The text part is not HTML: the values stay as they are.
      expect(text).toContain(evil.name);
      if (name === "member-added") {
        expect(subject).toContain(evil.organisation);
        expect(html).toContain("Garage &quot;Zuid&quot; &amp; &lt;b&gt;Co&lt;/b&gt;");
      }
      if ((TEMPLATES[name] as { action?: unknown }).action) {
        expect(html).toContain(`href="https://autodossier.example/x?a=1&amp;b=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);
      }
    }
  });

  it("knows its template names and nothing inherited", () => {
    for (const name of NAMES) expect(isTemplate(name)).toBe(true);
    expect(isTemplate("nope")).toBe(false);
    expect(isTemplate("toString")).toBe(false);
    expect(isTemplate("__proto__")).toBe(false);
  });
});

describe("message files", () => {
  const nlFlat = flatten(FILES.nl);
  const enFlat = flatten(FILES.en);

  it("nl.json and en.json have exactly the same keys", () => {
    const nlKeys = Object.keys(nlFlat).sort();
    const enKeys = Object.keys(enFlat).sort();
    expect(nlKeys.filter((k) => !(k in enFlat)), "in nl.json only").toEqual([]);
    expect(enKeys.filter((k) => !(k in nlFlat)), "in en.json only").toEqual([]);
    expect(nlKeys).toEqual(enKeys);
  });

  it("no message is empty", () => {
    expect(Object.entries(nlFlat).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    expect(Object.entries(enFlat).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it("a message uses the same {placeholders} in both languages", () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]))].sort();
    const differ = Object.keys(nlFlat)
      .filter((k) => k in enFlat)
      .filter((k) => vars(nlFlat[k]!).join() !== vars(enFlat[k]!).join());
    expect(differ).toEqual([]);
  });
});
