/** One layout for every e-mail: text and HTML from the same parts, every value escaped; empty paragraphs are left out. */
export interface EmailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderParts(parts: EmailParts, lang: string): { subject: string; text: string; html: string } {
  // A paragraph whose text came out empty (e.g. a plural's "=0 {}" branch) is left out.
  const p = { ...parts, paragraphs: parts.paragraphs.filter((x) => x.trim() !== "") };
  const text = [
    p.greeting,
    "",
    ...p.paragraphs.flatMap((x) => [x, ""]),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`, ""] : []),
    "-- ",
    p.footer,
  ].join("\n");
  const html = `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(p.subject)}</title></head>
<body style="margin:0;background:#f4f4f5;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#fff;border-radius:8px;padding:32px">
<tr><td style="font-size:18px;font-weight:600;padding-bottom:16px">Autodossier</td></tr>
<tr><td style="font-size:15px;line-height:1.6">
<p>${esc(p.greeting)}</p>
${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join("\n")}
${
  p.action
    ? `<p style="padding:8px 0"><a href="${esc(p.action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${esc(p.action.label)}</a></p>
<p style="font-size:13px;color:#52525b">${esc(p.action.url)}</p>`
    : ""
}
</td></tr>
<tr><td style="font-size:12px;color:#71717a;padding-top:24px;border-top:1px solid #e4e4e7">${esc(p.footer)}</td></tr>
</table></td></tr></table></body></html>`;
  return { subject: p.subject, text, html };
}
