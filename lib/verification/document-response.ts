/**
 * The answer of a document route (a verification copy, a dispute's copy): the decrypted file
 * inline, never cached, no referrer, its type not sniffed. One place, so both routes stay alike.
 */
const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

export function documentResponse(doc: { data: Buffer; mimeType: string; kind: string }): Response {
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
}
