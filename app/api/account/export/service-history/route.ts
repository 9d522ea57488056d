import { route } from "@/lib/server/route";
import { buildServiceHistoryCsv } from "@/lib/privacy/export";

/** GET /api/account/export/service-history — the service history of the caller's export as CSV. */
export const GET = route(async (_request, { actor }) => {
  const csv = await buildServiceHistoryCsv({ actor });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="autodossier-service-history-${day}.csv"`,
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
