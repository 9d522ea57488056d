/** The download name of a service entry's attachment (pure: unit-tested). */
const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

/**
 * The name the download gets: the uploaded name without its path, control characters, quotes or
 * anything outside printable ASCII and Latin letters, at most 100 characters, with the extension of
 * what the file really is.
 */
export function cleanFileName(name: string, mimeType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${base || "attachment"}.${EXT[mimeType] ?? "bin"}`;
}

