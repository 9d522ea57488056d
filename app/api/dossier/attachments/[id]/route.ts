import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { readAttachment } from "@/lib/dossier/attachments";

/** A header-safe file name (RFC 6266): ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "attachment";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * GET /api/dossier/attachments/:id — a service entry's invoice or report, decrypted, as a download,
 * for the workshop that recorded the entry and the owner who held the car then (while they still
 * own it); everyone else, signed out included, gets a plain 404 (decision 0030). Never cached.
 */
export const GET = route<{ id: string }>(
  async (_request, { actor, params: { id } }) => {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new AppError("NOT_FOUND");
    const file = await readAttachment({ actor, attachmentId: id });
    return new Response(new Uint8Array(file.data), {
      status: 200,
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.data.length),
        "Content-Disposition": disposition(file.name),
        "Cache-Control": "no-store, private",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  },
  { errors: "not-found" },
);
