import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { readBody } from "@/lib/verification/http";
import { MAX_PHOTO_BYTES } from "@/lib/car-face/inspect-photo";
import { readCarPhoto, uploadCarPhoto } from "@/lib/car-face/photo";

const validId = (id: string) => /^[A-Za-z0-9_-]{1,40}$/.test(id);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * GET /api/garage/vehicles/:id/photo — the car's photo, for its current owner and drivers only
 * (everyone else: a plain 404). Private, never shared by a cache.
 */
export const GET = route<{ id: string }>(
  async (_request, { actor, params: { id } }) => {
    if (!validId(id) || !can(actor, "garage:use")) throw new AppError("NOT_FOUND");
    const photo = await readCarPhoto({ actor, vehicleId: id });
    return new Response(new Uint8Array(photo.data), {
      status: 200,
      headers: {
        "Content-Type": photo.mimeType,
        "Content-Length": String(photo.data.length),
        "Content-Disposition": 'inline; filename="car.jpg"',
        "Cache-Control": "private, no-cache",
        ETag: `"${photo.version}"`,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  },
  { errors: "not-found" },
);

/**
 * POST /api/garage/vehicles/:id/photo?locale=nl — the raw image as the body; the car's owner only.
 * Answers 201, or an error with a message in the given language.
 */
export const POST = route<{ id: string }>(async (request, { actor, params: { id } }) => {
  const url = new URL(request.url);
  const origin = request.headers.get("origin");
  if (origin && origin !== url.origin && hostOf(origin) !== request.headers.get("host")) throw new AppError("FORBIDDEN");
  if (!validId(id) || !can(actor, "garage:use")) throw new AppError("NOT_FOUND");
  const tooLarge = new AppError("VALIDATION", "file_too_large", { params: { max: MAX_PHOTO_BYTES / 1024 / 1024 } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PHOTO_BYTES) throw tooLarge;
  const bytes = await readBody(request.body, MAX_PHOTO_BYTES);
  if (!bytes) throw tooLarge;
  const r = await uploadCarPhoto({ actor, vehicleId: id, bytes });
  return Response.json({ ok: true, ...r }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
