import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/server/authz";
import { AppError, isAppError } from "@/lib/server/errors";
import { getActor } from "@/lib/server/session";
import { log, requestIdFrom, withRequest } from "@/lib/server/log";
import { errorBody, readBody } from "@/lib/verification/http";
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
export async function POST(request: NextRequest) {
  const url = new URL(request.url);
  const locale = url.searchParams.get("locale");
  const fail = (e: AppError) => NextResponse.json(errorBody(e, locale), { status: e.status, headers: { "Cache-Control": "no-store" } });

  // Same-origin only (the session cookie is SameSite=Lax as well).
  const origin = request.headers.get("origin");
  if (origin && origin !== url.origin && hostOf(origin) !== request.headers.get("host")) return fail(new AppError("FORBIDDEN"));
  const actor = await getActor();
  if (!actor) return fail(new AppError("UNAUTHENTICATED"));
  if (!can(actor, "garage:use")) return fail(new AppError("NOT_FOUND"));
  const kind = url.searchParams.get("kind") as DocumentKindT | null;
  if (!kind || !DOCUMENT_KINDS.includes(kind)) return fail(new AppError("VALIDATION", "document_kind"));

  const tooLarge = new AppError("VALIDATION", "file_too_large", { params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES) return fail(tooLarge);
  const bytes = await readBody(request.body, MAX_DOCUMENT_BYTES);
  if (!bytes) return fail(tooLarge);
  const requestId = requestIdFrom(request.headers);
  try {
    const uploaded = await withRequest(requestId, () => uploadDocument({ actor, kind, bytes }));
    return NextResponse.json({ ok: true, ...uploaded }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (isAppError(e)) return fail(e);
    log.error({ err: e, requestId }, "document upload failed");
    // The owner's language, no details: the client falls back to its own "upload failed" text.
    const { message } = errorBody(new AppError("VALIDATION", "upload_failed"), locale).error;
    return NextResponse.json({ ok: false, error: { code: "INTERNAL", message } }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
