import { db } from "@/lib/server/db";
import { log } from "@/lib/server/log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch (e) {
    log.warn({ err: e }, "health check: the database does not answer");
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
