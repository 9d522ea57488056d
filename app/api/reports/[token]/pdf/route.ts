import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { appLink } from "@/lib/server/urls";
import { isLocale } from "@/i18n/routing";
import { readReport } from "@/lib/reports/report";
import { renderReportPdf } from "@/lib/reports/pdf";
import { reportPath } from "@/lib/reports/common";

/**
 * GET /api/reports/:token/pdf?locale=fr — the buyer report as a PDF in the reader's language
 * (docs/decisions/0036). No sign-in: the token is the credential. An unknown, expired or revoked
 * link is a plain 404; nothing is stored by a browser or a cache (a revoked link must not live on).
 */
export const GET = route<{ token: string }, true>(
  async (request, { params: { token } }) => {
    const asked = new URL(request.url).searchParams.get("locale");
    const locale = isLocale(asked) ? asked : "en";
    const result = await readReport(token, { locale, count: false });
    if (result.state !== "ok") throw new AppError("NOT_FOUND");
    const pdf = await renderReportPdf(result.report, { url: appLink(locale, reportPath(token)), locale });
    const day = result.report.verifiedAt.toISOString().slice(0, 10);
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="autodossier-report-${day}.pdf"`,
        "Cache-Control": "no-store, private",
        "X-Content-Type-Options": "nosniff",
        "X-Robots-Tag": "noindex, nofollow",
        "Referrer-Policy": "no-referrer",
      },
    });
  },
  { anonymous: true, errors: "not-found" },
);
