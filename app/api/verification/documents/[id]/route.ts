import { can } from "@/lib/server/authz";
import { isAppError } from "@/lib/server/errors";
import { getActor } from "@/lib/server/session";
import { log, requestIdFrom, withRequest } from "@/lib/server/log";
import { readDocument } from "@/lib/verification/read-document";

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

/**
 * GET /api/verification/documents/:id — a document copy, decrypted, shown inline to the reviewer
 * holding its request and to no one else (everyone else, and every deleted copy: 404). Never
 * cached; framed only by our own pages (the review page shows PDFs in a frame: the CSP and
 * X-Frame-Options for this route are set in next.config.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return notFound();
  const actor = await getActor();
  if (!actor || !can(actor, "verification:review")) return notFound();
  const requestId = requestIdFrom(request.headers);
  try {
    const doc = await withRequest(requestId, () => readDocument({ actor, documentId: id }));
    return new Response(new Uint8Array(doc.data), {
      status: 200,
      headers: {
        "Content-Type": doc.mimeType,
        "Content-Length": String(doc.data.length),
        "Content-Disposition": `inline; filename="${doc.kind.toLowerCase()}.${EXT[doc.mimeType] ?? "bin"}"`,
        "Cache-Control": "no-store, private",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (e) {
    if (isAppError(e)) return notFound();
    log.error({ err: e, requestId, documentId: id }, "serving a document copy failed");
    return new Response("Internal error", { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
