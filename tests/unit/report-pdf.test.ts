/**
 * The buyer report's PDF and QR code (docs/decisions/0036), pure: a report drawn in each language
 * parses, carries its texts, survives characters Helvetica cannot draw, and breaks long histories
 * over pages; the QR code's SVG path has one square per dark module.
 */
import { describe, expect, it } from "vitest";
import { renderReportPdf } from "@/lib/reports/pdf";
import { qrModules, qrSvgPath, QUIET_ZONE } from "@/lib/reports/qr";
import type { BuyerReport } from "@/lib/reports/report";
import { pdfText } from "../support/pdf-text";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

function report(entries = 2, description = "Grote beurt"): BuyerReport {
  return {
    vehicle: { make: "Porsche", model: "911 Carrera", modelYear: 2024, vin: "WP0ZZZ99ZTS392124", fuel: "PETROL", plate: { plate: "GZ231K", country: "NL" } },
    history: {
      entries: Array.from({ length: entries }, (_, i) => ({
        id: `e${i}`,
        kind: "SERVICE" as const,
        performedAt: day("2026-03-12"),
        mileageKm: 10_000 + i,
        description,
        lines: ["Olie ververst", "Remmen gecontroleerd"],
        workshop: "Porsche Centrum Amsterdam",
        reportedBy: i % 2 ? ("previousOwner" as const) : ("workshop" as const),
        recordedAt: day("2026-03-12"),
        corrects: null,
        correctionReason: null,
        correctedBy: null,
        findings: [],
        correctable: false,
        ownOrganisationId: null,
        attachments: [],
      })),
      mileage: { verdict: "logical", points: [], reasons: [], latest: { on: day("2026-03-12"), km: 12_400 } },
    },
    recalls: [{ id: "r1", code: "AKTION-24A1", title: "Airbag", description: "Check the module", issuedAt: day("2026-10-01"), resolvedAt: null, resolvedBy: null }],
    warranties: [
      { id: "w1", kind: "FACTORY", provider: "Porsche AG", description: null, startsAt: day("2024-01-01"), endsAt: day("2027-01-01"), maxKm: 100_000, fromContract: false, left: { ended: false, days: 30, months: null, km: 87_600, kmUnknown: false } },
    ],
    verifiedAt: new Date("2026-12-02T10:00:00Z"),
    expiresAt: new Date("2026-12-09T10:00:00Z"),
  };
}

const URL_ = "http://localhost:3000/fr/report/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

describe("the buyer report PDF", () => {
  it("is a PDF in the reader's language with the plate, the mark, the history, the recall and the warranty", async () => {
    const texts = {
      fr: ["Vérifié par Autodossier le", "Historique d’entretien", "Plaque d’immatriculation", "12 400 km"],
      nl: ["Geverifieerd door Autodossier op", "Onderhoudshistorie", "Kenteken", "12.400 km"],
      en: ["Verified by Autodossier on", "Service history", "Licence plate", "12,400 km"],
    } as const;
    for (const [locale, expected] of Object.entries(texts)) {
      const bytes = await renderReportPdf(report(), { url: URL_, locale });
      expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
      const { pages, text } = await pdfText(bytes);
      expect(pages).toBe(1);
      for (const s of [...expected, "GZ-231-K", "WP0ZZZ99ZTS392124", "Porsche Centrum Amsterdam", "AKTION-24A1", "Porsche AG"]) expect(text, `${locale}: ${s}`).toContain(s);
    }
  });

  it("draws a character Helvetica lacks as ?, and breaks a long history over pages with page numbers", async () => {
    const bytes = await renderReportPdf(report(60, "Beurt 🚗 ≤ 5 ✓ " + "x".repeat(300)), { url: URL_, locale: "en" });
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain("Beurt ? ? 5 ?");
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});

describe("the QR code", () => {
  it("has one square per dark module, inside the quiet zone", () => {
    const qr = qrModules(URL_);
    expect(qr.size).toBeGreaterThanOrEqual(21);
    let dark = 0;
    for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) if (qr.dark(r, c)) dark++;
    const { d, viewBox } = qrSvgPath(qr);
    expect(viewBox).toBe(qr.size + 2 * QUIET_ZONE);
    expect(d.match(/M/g)).toHaveLength(dark);
    // The finder pattern's corner: dark at (0,0), drawn at the quiet zone's offset.
    expect(qr.dark(0, 0)).toBe(true);
    expect(d.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)).toBe(true);
  });
});
