import { readiness } from "@/lib/operations/readiness";

export const dynamic = "force-dynamic";

/** For a load balancer: 200 when this node can serve (database, migrations, storage), else 503. */
export async function GET() {
  const r = await readiness();
  return Response.json({ status: r.ready ? "ready" : "unavailable", checks: r.checks }, { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
