import { route } from "@/lib/server/route";
import { buildExport } from "@/lib/privacy/export";

/**
 * GET /api/account/export — everything the signed-in user may take with them, as one JSON file
 * (lib/privacy/export.ts). Only ever the caller's own: the route takes no id.
 */
export const GET = route(async (_request, { actor }) => {
  const document = await buildExport({ actor });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(document, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="autodossier-export-${day}.json"`,
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
