import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTemplate, renderEmail, TEMPLATES, type EmailPayloads, type TemplateName } from "../../emails";
import { MESSAGES } from "../../i18n/messages";

type Tree = { [k: string]: string | Tree };
const FILES = { nl: MESSAGES.nl as Tree, "nl-BE": MESSAGES["nl-BE"] as Tree, en: MESSAGES.en as Tree, fr: MESSAGES.fr as Tree };
const MESSAGES_DIR = path.resolve(import.meta.dirname, "../../messages");

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

const ARG = /\{\s*(\w+)\s*[,}]/g;

/** A message with its {placeholders} filled, or null when it uses plural/select (compared loosely then). */
function expected(locale: keyof typeof FILES, key: string, params: Record<string, string>): string | null {
  const msg = flatten(FILES[locale])[`emails.${key}`];
  if (msg === undefined) throw new Error(`missing emails.${key} in ${locale}.json`);
  if (/\{\s*\w+\s*,/.test(msg)) return null;
  return msg.replace(/\{(\w+)\}/g, (_m, k: string) => params[k] ?? `{${k}}`);
}

// The entities React writes (an apostrophe is &#x27;).
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The <html> element names the language (React Email's Html also writes dir="ltr", before lang). */
const htmlLang = (lang: string) => new RegExp(`<html [^>]*\\blang="${lang}"[^>]*>`);

type Def = { paragraphs: string[]; action?: { urlField: string; labelKey: string } };
const NAMES = Object.keys(TEMPLATES) as TemplateName[];
const URL_VALUE = "https://autodossier.example/nl/activate/Tok_en-123?a=1&b=2";

/**
 * What a template must show, read from its messages: every paragraph key (p1, p2, ...) and, when
 * it has an action label, the action with its link in the payload's `url`.
 */
function defOf(name: TemplateName): Def {
  const keys = Object.keys(flatten(FILES.en))
    .filter((k) => k.startsWith(`emails.${name}.`))
    .map((k) => k.slice(`emails.${name}.`.length));
  const paragraphs = keys.filter((k) => /^p\d+$/.test(k)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return { paragraphs, action: keys.includes("action") ? { urlField: "url", labelKey: "action" } : undefined };
}

/** Renders with a payload built here from the messages' placeholders (so not typed per template). */
const renderLoose = (name: TemplateName, locale: string, payload: Record<string, string | number>) =>
  renderEmail(name, locale, payload as EmailPayloads[TemplateName]);

/** A payload for a template: a value for every placeholder its messages use, and its action URL. */
function payloadFor(name: TemplateName, values: Record<string, string> = {}): Record<string, string> {
  const def = defOf(name);
  const vars = new Set(["name"]);
  for (const tree of [FILES.nl, FILES.en]) {
    for (const [k, v] of Object.entries(flatten(tree))) {
      if (k.startsWith(`emails.${name}.`)) for (const m of v.matchAll(ARG)) vars.add(m[1]!);
    }
  }
  const payload: Record<string, string> = {};
  for (const v of vars) payload[v] = values[v] ?? `${v}-value`;
  payload.name = values.name ?? "Ann";
  if (def.action) payload[def.action.urlField] = values.url ?? URL_VALUE;
  // What a calendar file is built from (appointment e-mails); other templates ignore it.
  payload.startsAt ??= "2030-03-12T09:30:00.000Z";
  payload.appointmentId ??= "appointment-1";
  payload.location ??= "Garage, Utrecht";
  return payload;
}

/**
 * The footer a template ends with (payloads with a name): an e-mail that can reach an address
 * without an account says who gave us the address instead of "because of your account".
 */
const NO_ACCOUNT_FOOTERS: Partial<Record<TemplateName, string>> = {
  activation: "footerSignUp",
  invitation: "footerInvitation",
  "passport-transfer-new": "footerTransfer",
  "driver-invitation": "footerDriverInvitation",
  "handover-offer": "footerHandover",
  "handover-withdrawn": "footerHandover",
};
const footerOf = (name: TemplateName) => NO_ACCOUNT_FOOTERS[name] ?? "footer";

describe("e-mail templates", () => {
  it("has templates to test", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of NAMES) {
    for (const locale of ["nl", "en", "fr", "nl-BE"] as const) {
      it(`${name} renders in ${locale}`, async () => {
        const def = defOf(name);
        const payload = payloadFor(name);
        const mail = await renderLoose(name, locale, payload);
        const has = (part: "text" | "html", key: string) => {
          const exp = expected(locale, key, payload);
          if (exp !== null) expect(mail[part]).toContain(part === "html" ? escapeHtml(exp) : exp);
        };

        expect(def.paragraphs.length).toBeGreaterThan(0);
        expect(mail.subject.trim()).not.toBe("");
        expect(mail.subject).not.toMatch(/emails\.|\{/);
        const subject = expected(locale, `${name}.subject`, payload);
        if (subject !== null) expect(mail.subject).toBe(subject);
        has("text", "greetingNamed");
        has("text", footerOf(name));
        for (const p of def.paragraphs) {
          has("text", `${name}.${p}`);
          has("html", `${name}.${p}`);
        }
        expect(mail.text).not.toMatch(/emails\./);
        expect(mail.html).toMatch(htmlLang(locale));
        expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);

        if (def.action) {
          const label = expected(locale, `${name}.${def.action.labelKey}`, payload);
          expect(mail.text).toContain(`${label}: ${URL_VALUE}`);
          expect(mail.html).toContain(`href="${escapeHtml(URL_VALUE)}"`);
          expect(mail.html).toContain(escapeHtml(URL_VALUE));
        } else {
          expect(mail.text).not.toContain(URL_VALUE);
          expect(mail.html).not.toContain("href=");
        }
      });
    }
  }

  for (const name of NAMES) {
    it(`${name} has an HTML part and a plain-text part, in every language`, async () => {
      const def = defOf(name);
      for (const locale of ["nl", "en", "fr", "nl-BE"] as const) {
        const payload = payloadFor(name);
        const { html, text } = await renderLoose(name, locale, payload);
        const at = `${name} ${locale}`;

        expect(html, at).toMatch(/^<!DOCTYPE html/);
        expect(html, at).toMatch(/<body[^>]*>[\s\S]*<\/body><\/html>$/);

        // The text part is plain: no tags, no entities, no layout-only lines (brand, bare link).
        expect(text, at).not.toMatch(/<\/?[a-z][a-z0-9-]*[\s/>]/i);
        expect(text, at).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
        const lines = text.split("\n");
        expect(lines, at).not.toContain("Autodossier");
        expect(lines[0], at).toBe(expected(locale, "greetingNamed", payload));
        expect(lines.slice(-2), at).toEqual(["-- ", expected(locale, footerOf(name), payload)]);

        // Greeting, paragraphs, action and footer in that order.
        const parts = [lines[0]!];
        for (const p of def.paragraphs) {
          const exp = expected(locale, `${name}.${p}`, payload);
          if (exp !== null) parts.push(exp);
        }
        if (def.action) parts.push(`${expected(locale, `${name}.${def.action.labelKey}`, payload)}: ${URL_VALUE}`);
        parts.push("-- ");
        const positions = parts.map((part) => text.indexOf(part));
        expect(positions.every((p) => p >= 0), at).toBe(true);
        expect(positions, at).toEqual([...positions].sort((a, b) => a - b));
        expect(text.split(URL_VALUE).length - 1, `${at}: the link once in the text part`).toBe(def.action ? 1 : 0);
      }
    });
  }

  it("escapes <script> and quotes from the payload in the HTML part's text, title and link", async () => {
    const evil = `<script>alert("pwned")</script>`;
    const car = `Porsche "911" <b>`;
    const url = `https://autodossier.example/x?b="><script>alert(1)</script>`;
    for (const locale of ["nl", "en"] as const) {
      const mail = await renderEmail("vehicle-linked-desk", locale, { name: evil, car, dealer: evil, url });
      expect(mail.html).not.toMatch(/<script/i);
      expect(mail.html).not.toContain("<b>");
      expect(mail.html).not.toContain(`"911"`);
      expect(mail.html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
      expect(mail.html).toContain("Porsche &quot;911&quot; &lt;b&gt;");
      expect(mail.subject).toContain(evil);
      expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
      expect(mail.html).toContain(`href="https://autodossier.example/x?b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
      // The text part is not HTML: the values stay as they are.
      expect(mail.text).toContain(evil);
      expect(mail.text).toContain(car);
      expect(mail.text).toContain(`: ${url}`);
    }
  });

  it("speaks the recipient's language: nl, fr and en differ, a language without message files reads en", async () => {
    const subject = async (name: TemplateName, locale: string) => (await renderLoose(name, locale, payloadFor(name))).subject;
    const untranslated: string[] = [];
    for (const name of NAMES) {
      const en = await subject(name, "en");
      if ((await subject(name, "nl")) === en) untranslated.push(`nl: ${name}`);
      if ((await subject(name, "fr")) === en) untranslated.push(`fr: ${name}`);
    }
    expect(untranslated, "templates whose Dutch or French subject is the English one").toEqual([]);
    const p = payloadFor("activation");
    expect((await renderLoose("activation", "xx", p)).subject).toBe((await renderLoose("activation", "en", p)).subject);
    expect((await renderLoose("activation", "fr", p)).html).toMatch(htmlLang("fr"));
    // A Belgian Dutch account (stored nl_BE) reads Dutch in an nl-BE e-mail.
    const be = await renderLoose("activation", "nl_BE", p);
    expect(be.subject).toBe((await renderLoose("activation", "nl", p)).subject);
    expect(be.html).toMatch(htmlLang("nl-BE"));
  });

  it("gives a Belgian Dutch reader the Belgian words in every e-mail, and a French reader no English", async () => {
    for (const name of NAMES) {
      const be = await renderLoose(name, "nl_BE", payloadFor(name));
      expect(`${be.subject}\n${be.text}`, name).not.toMatch(/kenteken/i);
      const fr = await renderLoose(name, "fr", payloadFor(name));
      // Every text of the French e-mail is French: the English one differs in every paragraph.
      const en = await renderLoose(name, "en", payloadFor(name));
      const frLines = new Set(fr.text.split("\n").filter((l) => l.trim().length > 20));
      const shared = en.text.split("\n").filter((l) => l.trim().length > 20 && frLines.has(l) && !/^https?:|: https?:/.test(l));
      expect(shared, `${name}: lines the French e-mail shares with the English one`).toEqual([]);
    }
    const rejected = await renderEmail("verification-rejected", "nl_BE", { name: "An", vin: "WP0ZZZ99ZTS392124", reason: "REGISTRATION_UNREADABLE", note: "", url: "https://autodossier.example/x" });
    expect(rejected.text).toContain("het inschrijvingsbewijs is niet leesbaar");
  });

  it("the removal confirmation says drivers lost access only when some did", async () => {
    for (const locale of ["nl", "en"] as const) {
      const base = { name: "Ann", car: "Porsche Macan", vin: "WP0ZZZ99ZTS392124", contracts: 1 };
      const none = await renderEmail("vehicle-removed", locale, { ...base, drivers: 0 });
      const one = await renderEmail("vehicle-removed", locale, { ...base, drivers: 1 });
      const two = await renderEmail("vehicle-removed", locale, { ...base, drivers: 2 });
      const driverWord = locale === "nl" ? /bestuurder/i : /driver/i;
      expect(none.text).not.toMatch(driverWord);
      expect(none.html).not.toMatch(driverWord);
      // No empty paragraph (React Email's <p> carries a style attribute).
      expect(none.html).not.toMatch(/<p\b[^>]*>\s*<\/p>/);
      expect(none.text).not.toMatch(/\n\n\n/);
      expect(one.text).toMatch(driverWord);
      expect(two.text).toContain("2");
      expect(two.html).toMatch(driverWord);
    }
  });

  it("self-registration decisions do not claim the copies are already deleted (the deletion runs after the commit and may be retried)", async () => {
    const claims = { nl: /zijn verwijderd/i, en: /have been deleted/i };
    for (const locale of ["nl", "en"] as const) {
      for (const name of ["verification-approved", "verification-rejected", "verification-expired"] as const) {
        const mail = await renderLoose(name, locale, payloadFor(name));
        expect(mail.text, `${name} ${locale}`).not.toMatch(claims[locale]);
        expect(mail.text, `${name} ${locale}`).toMatch(locale === "nl" ? /kopieën van je documenten worden/i : /copies of your documents are/i);
      }
      const notice = (FILES[locale].verification as Tree).withdrawnNotice as string;
      expect(notice).not.toMatch(claims[locale]);
    }
  });

  it("to an address that may have no account, does not end \"because of your account\" but says who gave the address", async () => {
    const account = { nl: "vanwege je account", en: "because of your account" };
    for (const locale of ["nl", "en"] as const) {
      for (const name of Object.keys(NO_ACCOUNT_FOOTERS) as TemplateName[]) {
        const payload = payloadFor(name, { dealer: "Porsche Centrum Amsterdam", garage: "Autobedrijf De Vries", owner: "Sanne de Wit" });
        const { text } = await renderLoose(name, locale, payload);
        const footer = text.split("\n").at(-1)!;
        expect(footer, `${name} ${locale}`).not.toContain(account[locale]);
        // A handover's buyer is never told who the seller is (docs/decisions/0034): "the owner of a car".
        if (name.startsWith("handover-")) expect(footer, `${name} ${locale}`).toMatch(/owner of a car|eigenaar van een auto/);
        else if (name !== "activation") expect(footer, `${name} ${locale}`).toMatch(/Porsche Centrum Amsterdam|Autobedrijf De Vries|Sanne de Wit/);
      }
      // A withdrawn transfer: to a buyer who never activated the account (no name), or to an active one.
      const withdrawn = (name: string) => renderLoose("passport-transfer-withdrawn", locale, payloadFor("passport-transfer-withdrawn", { name, garage: "Autobedrijf De Vries" }));
      expect((await withdrawn("")).text.split("\n").at(-1)).toBe(expected(locale, "footerTransfer", { garage: "Autobedrijf De Vries" }));
      expect((await withdrawn("Ann")).text.split("\n").at(-1)).toContain(account[locale]);
      // An account holder's e-mail keeps the account footer.
      expect((await renderLoose("password-reset", locale, payloadFor("password-reset"))).text.split("\n").at(-1)).toContain(account[locale]);
    }
  });

  it("uses the plain greeting without a name", async () => {
    const mail = await renderLoose("password-changed", "en", {});
    expect(mail.text.split("\n")[0]).toBe(expected("en", "greeting", {}));
  });

  it("escapes every value in the HTML part", async () => {
    const evil = {
      name: `<script>alert("x")</script>`,
      organisation: `Garage "Zuid" & <b>Co</b>`,
      url: `https://autodossier.example/x?a=1&b="><img src=x onerror=alert(1)>`,
    };
    for (const name of NAMES) {
      const payload = payloadFor(name, evil);
      const { html, text, subject } = await renderLoose(name, "en", payload);
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
      if (defOf(name).action) {
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
  const filesOf = (locale: string) => readdirSync(path.join(MESSAGES_DIR, locale)).filter((f) => f.endsWith(".json")).sort();
  const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, file), "utf8")) as Tree;

  it("messages/nl and messages/en hold the same files, each with exactly the same keys", () => {
    expect(filesOf("nl").length).toBeGreaterThan(0);
    expect(filesOf("nl")).toEqual(filesOf("en"));
    for (const file of filesOf("nl")) {
      const nlKeys = Object.keys(flatten(read("nl", file))).sort();
      const enKeys = Object.keys(flatten(read("en", file))).sort();
      expect(nlKeys.filter((k) => !enKeys.includes(k)), `${file}: in nl only`).toEqual([]);
      expect(enKeys.filter((k) => !nlKeys.includes(k)), `${file}: in en only`).toEqual([]);
    }
  });

  it("the merged nl and en trees have exactly the same keys", () => {
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
    // An ICU argument is `{name}` or `{name, plural|select|number...`; branch texts (`one {...}`) are not.
    const vars = (s: string) => [...new Set([...s.matchAll(ARG)].map((m) => m[1]))].sort();
    const differ = Object.keys(nlFlat)
      .filter((k) => k in enFlat)
      .filter((k) => vars(nlFlat[k]!).join() !== vars(enFlat[k]!).join());
    expect(differ).toEqual([]);
  });
});
