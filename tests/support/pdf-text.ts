/**
 * The text drawn on a PDF's pages, for tests: each page's content streams (inflated when
 * Flate-compressed) are read for the strings shown with Tj / TJ, decoded from Windows-1252 (the
 * encoding of the standard Helvetica that lib/reports/pdf.ts draws with). Loading with pdf-lib
 * also proves the file parses.
 */
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";

/** Windows-1252's 0x80-0x9F (Node's TextDecoder reads them as Latin-1 controls); the rest is Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const win1252 = { decode: (b: Uint8Array) => Array.from(b, (c) => (c >= 0x80 && c <= 0x9f ? CP1252_HIGH[c - 0x80] : String.fromCharCode(c))).join("") };

function streamBytes(s: PDFRawStream): Uint8Array {
  const filter = s.dict.get(PDFName.of("Filter"));
  return filter && filter.toString() === "/FlateDecode" ? inflateSync(s.contents) : s.contents;
}

function literal(body: string): string {
  return body.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" })[e] ?? String.fromCharCode(parseInt(e, 8)));
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const contents: PDFObject | undefined = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    for (const ref of refs) {
      const obj = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(obj instanceof PDFRawStream)) continue;
      const ops = Buffer.from(streamBytes(obj)).toString("latin1");
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
        const raw = m[1] !== undefined ? Buffer.from(m[1], "hex") : Buffer.from(literal(m[2] ?? ""), "latin1");
        out.push(win1252.decode(raw));
      }
    }
  }
  return { pages: doc.getPageCount(), text: out.join("\n") };
}
