/**
 * The buyer report as a PDF (docs/decisions/0036), in the reader's language: the same content as
 * the page, with the "verified by Autodossier" mark and date and the QR code of the report's
 * link. Drawn with pdf-lib's standard Helvetica (no font file): text it cannot encode (outside
 * Windows-1252) is replaced by "?", never dropped silently or thrown on.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { createFormatter, createTranslator } from "use-intl/core";
import { formats, TIME_ZONE } from "../../i18n/formats";
import { messagesFor } from "../../i18n/messages";
import type { BuyerReport } from "./report";
import { qrModules, QUIET_ZONE } from "./qr";
import { formatPlate } from "../server/plate";

const A4 = { w: 595.28, h: 841.89 };
const M = 50;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.4, 0.4, 0.45);
const GREEN = rgb(0.08, 0.45, 0.2);
const RED = rgb(0.7, 0.1, 0.1);

type T = (key: string, params?: Record<string, string | number | Date>) => string;

/** Text Helvetica can draw: narrow and thin spaces become spaces, other unknown characters "?". */
function encodable(font: PDFFont): (s: string) => string {
  const known = new Set(font.getCharacterSet());
  return (s) =>
    Array.from(s.replace(/[\u202f\u2009\u2007]/g, " ").replace(/[\u2010\u2011]/g, "-"), (ch) => (known.has(ch.codePointAt(0)!) || ch === "\n" ? ch : "?")).join("");
}

class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly clean: (s: string) => string,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.pages.push(this.page);
    this.y = A4.h - M;
  }
  ensure(height: number) {
    if (this.y - height < M + 20) this.newPage();
  }
  /** Lines of at most `width` points, broken at spaces (a longer word is cut). */
  wrap(text: string, size: number, width: number, font = this.font): string[] {
    const out: string[] = [];
    for (const para of this.clean(text).split("\n")) {
      let line = "";
      for (const word of para.split(/\s+/).filter(Boolean)) {
        let w = word;
        while (font.widthOfTextAtSize(w, size) > width) {
          let cut = w.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
          if (line) {
            out.push(line);
            line = "";
          }
          out.push(w.slice(0, cut));
          w = w.slice(cut);
        }
        const next = line ? `${line} ${w}` : w;
        if (font.widthOfTextAtSize(next, size) > width) {
          out.push(line);
          line = w;
        } else line = next;
      }
      out.push(line);
    }
    return out;
  }
  text(text: string, opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; width?: number; gap?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const x = M + (opts.indent ?? 0);
    const lines = this.wrap(text, size, opts.width ?? A4.w - M - x, font);
    for (const line of lines) {
      this.ensure(size + 4);
      this.y -= size + 3;
      this.page.drawText(line, { x, y: this.y, size, font, color: opts.color ?? INK });
    }
    this.y -= opts.gap ?? 2;
  }
  heading(text: string) {
    this.ensure(40);
    this.y -= 10;
    this.text(text, { size: 13, bold: true, gap: 2 });
    this.page.drawLine({ start: { x: M, y: this.y }, end: { x: A4.w - M, y: this.y }, thickness: 0.5, color: GREY });
    this.y -= 6;
  }
}

export async function renderReportPdf(report: BuyerReport, input: { url: string; locale: string }): Promise<Uint8Array> {
  const { locale, messages } = messagesFor(input.locale);
  const t = createTranslator({ locale, messages, formats, timeZone: TIME_ZONE }) as unknown as T;
  const format = createFormatter({ locale, formats, timeZone: TIME_ZONE });
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const instant = (d: Date) => format.dateTime(d, "date");
  const km = (n: number) => format.number(n, "km");

  const doc = await PDFDocument.create();
  const title = t("report.title");
  const car = `${report.vehicle.make} ${report.vehicle.model}`;
  const plate = report.vehicle.plate ? formatPlate(report.vehicle.plate.plate, report.vehicle.plate.country) : t("report.noPlate");
  doc.setTitle(`${title} · ${car}`);
  doc.setAuthor("Autodossier");
  doc.setCreator("Autodossier");
  doc.setProducer("Autodossier");
  doc.setLanguage(locale);
  doc.setCreationDate(report.verifiedAt);
  doc.setModificationDate(report.verifiedAt);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, encodable(font));

  // The QR code at the top right, the title and the mark beside it.
  const qr = qrModules(input.url);
  const qrSize = 96;
  const unit = qrSize / (qr.size + 2 * QUIET_ZONE);
  const qrX = A4.w - M - qrSize;
  const qrTop = A4.h - M;
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (qr.dark(r, c)) w.page.drawRectangle({ x: qrX + (c + QUIET_ZONE) * unit, y: qrTop - (r + QUIET_ZONE + 1) * unit, width: unit, height: unit, color: INK });
    }
  }
  w.page.drawText(w.clean(t("report.qrHint")), { x: qrX, y: qrTop - qrSize - 10, size: 7, font, color: GREY });
  const headWidth = A4.w - 2 * M - qrSize - 16;
  w.text(title, { size: 11, color: GREY, width: headWidth });
  w.text(car, { size: 20, bold: true, width: headWidth, gap: 4 });
  w.text(`${report.vehicle.modelYear} · ${plate}`, { size: 12, width: headWidth, gap: 8 });
  w.text(`${t("report.verifiedOn", { date: instant(report.verifiedAt) })}`, { size: 11, bold: true, color: GREEN, width: headWidth });
  w.text(t("report.verifiedLead"), { size: 8.5, color: GREY, width: headWidth });
  w.y = Math.min(w.y, qrTop - qrSize - 18);

  w.heading(t("report.car"));
  const facts: [string, string][] = [
    [t("report.make"), report.vehicle.make],
    [t("report.model"), report.vehicle.model],
    [t("report.modelYear"), String(report.vehicle.modelYear)],
    [t("report.plate"), plate],
    [t("report.vin"), report.vehicle.vin],
    [t("report.fuel"), t(`garage.fuels.${report.vehicle.fuel}`)],
  ];
  for (const [k, v] of facts) {
    w.ensure(14);
    const y = w.y - 13;
    w.page.drawText(w.clean(k), { x: M, y, size: 10, font, color: GREY });
    w.page.drawText(w.clean(v), { x: M + 170, y, size: 10, font: bold, color: INK });
    w.y = y - 2;
  }

  const m = report.history.mileage;
  w.heading(t("report.mileageTitle"));
  w.text(t(`dossier.mileage.${m.verdict}`), { bold: true, color: m.verdict === "illogical" ? RED : m.verdict === "logical" ? GREEN : GREY });
  if (m.latest) w.text(t("dossier.mileage.latest", { km: km(m.latest.km), date: date(m.latest.on) }));
  if (m.verdict === "illogical") {
    w.text(t("dossier.mileage.illogicalLead"));
    for (const r of m.reasons) {
      for (const f of r.findings) {
        w.text(`• ${t(`dossier.mileage.findings.${f}`, { date: date(r.on), km: km(r.km), againstKm: r.against ? km(r.against.km) : "", againstDate: r.against ? date(r.against.on) : "" })}`, { indent: 10, color: RED });
      }
    }
  } else w.text(m.verdict === "logical" ? t("dossier.mileage.logicalLead") : t("dossier.mileage.noneLead"), { color: GREY });

  w.heading(t("report.historyTitle"));
  if (report.history.entries.length === 0) w.text(t("dossier.empty_history"), { color: GREY });
  for (const e of report.history.entries) {
    w.ensure(40);
    const color = e.correctedBy ? GREY : INK;
    w.text(`${date(e.performedAt)} · ${t(`dossier.kinds.${e.kind}`)} · ${e.description}`, { bold: true, color });
    const meta = [e.mileageKm != null ? km(e.mileageKm) : null, e.workshop ?? t("dossier.noWorkshop"), e.reportedBy !== "workshop" ? t(`dossier.reportedBy.${e.reportedBy}`) : null, e.correctedBy ? t("dossier.corrected") : null];
    w.text(meta.filter(Boolean).join(" · "), { color: GREY, indent: 10 });
    for (const l of e.lines) w.text(`• ${l}`, { indent: 10, color });
    if (e.corrects) w.text(t("dossier.correctionOf", { date: date(e.corrects.performedAt) }), { indent: 10, size: 8.5, color: GREY });
    w.y -= 4;
  }

  w.heading(t("report.recallsTitle"));
  if (report.recalls.length === 0) w.text(t("report.noOpenRecalls"), { color: GREY });
  for (const r of report.recalls) {
    w.text(`${r.title} (${r.code})`, { bold: true, color: RED });
    if (r.description) w.text(r.description, { indent: 10 });
    w.text(t("recalls.section.since", { date: instant(r.issuedAt) }), { indent: 10, color: GREY, gap: 6 });
  }

  w.heading(t("report.warrantiesTitle"));
  if (report.warranties.length === 0) w.text(t("report.noWarranties"), { color: GREY });
  for (const v of report.warranties) {
    w.text(t(`recalls.section.kinds.${v.kind}`), { bold: true });
    const parts = [
      v.provider ? t("recalls.section.provider", { provider: v.provider }) : null,
      v.description,
      v.endsAt ? t("recalls.section.until", { date: date(v.endsAt) }) : null,
      v.maxKm !== null ? t("recalls.section.upTo", { km: km(v.maxKm) }) : null,
    ].filter(Boolean);
    if (parts.length) w.text(parts.join(" · "), { indent: 10, color: GREY });
    const left: string[] = [];
    if (v.left.days !== null) left.push(v.left.months !== null ? t("recalls.section.monthsLeft", { months: v.left.months }) : t("recalls.section.daysLeft", { days: v.left.days }));
    if (v.left.km !== null) left.push(t("recalls.section.kmLeft", { km: km(v.left.km) }));
    if (v.left.kmUnknown) left.push(t("recalls.section.kmUnknown"));
    if (left.length) w.text(left.join(" · "), { indent: 10, color: GREEN, gap: 6 });
  }

  // The footer of every page: the mark, the link's end and the page number.
  const footer = `${t("report.verifiedOn", { date: instant(report.verifiedAt) })} · ${t("report.validUntil", { date: instant(report.expiresAt) })}`;
  w.pages.forEach((p, i) => {
    p.drawText(w.clean(footer), { x: M, y: M - 20, size: 7.5, font, color: GREY });
    const num = w.clean(t("report.page", { page: i + 1, pages: w.pages.length }));
    p.drawText(num, { x: A4.w - M - font.widthOfTextAtSize(num, 7.5), y: M - 20, size: 7.5, font, color: GREY });
  });
  return doc.save();
}
