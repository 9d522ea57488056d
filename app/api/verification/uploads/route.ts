import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { readBody } from "@/lib/verification/http";
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES, type DocumentKindT } from "@/lib/verification/schemas";
import { uploadDocument } from "@/lib/verification/upload-document";

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * POST /api/verification/uploads?kind=ID_FRONT&locale=nl — the raw file as the body (the
 * browser sends it with XMLHttpRequest to show upload progress). Answers 201 with an upload id
 * for the request form, or an error with a message in the given language. Signed-in owners only.
 */
export const POST = route(async (request, { actor }) => {
  const url = new URL(request.url);
  // Same-origin only (the session cookie is SameSite=Lax as well).
  const origin = request.headers.get("origin");
  if (origin && origin !== url.origin && hostOf(origin) !== request.headers.get("host")) throw new AppError("FORBIDDEN");
  if (!can(actor, "garage:use")) throw new AppError("NOT_FOUND");
  const kind = url.searchParams.get("kind") as DocumentKindT | null;
  if (!kind || !DOCUMENT_KINDS.includes(kind)) throw new AppError("VALIDATION", "document_kind");

  const tooLarge = new AppError("VALIDATION", "file_too_large", { params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES) throw tooLarge;
  const bytes = await readBody(request.body, MAX_DOCUMENT_BYTES);
  if (!bytes) throw tooLarge;
  const uploaded = await uploadDocument({ actor, kind, bytes });
  return Response.json({ ok: true, ...uploaded }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
