/**
 * The report's QR code (docs/decisions/0036): the modules of the code for the report's URL,
 * drawn by the page as one inline SVG path (nothing loaded, nothing the CSP has to allow) and by
 * the PDF as filled squares. Medium error correction; a quiet zone of 4 modules around it.
 */
import QRCode from "qrcode";

export const QUIET_ZONE = 4;

export interface QrModules {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Whether the module at (row, column) is dark. */
  dark: (row: number, col: number) => boolean;
}

export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: (r, c) => !!modules.get(r, c) };
}

/** An SVG path of the dark modules, one unit per module, offset by the quiet zone; viewBox 0 0 n n with n = size + 8. */
export function qrSvgPath(qr: QrModules): { d: string; viewBox: number } {
  const parts: string[] = [];
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) if (qr.dark(r, c)) parts.push(`M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`);
  }
  return { d: parts.join(""), viewBox: qr.size + 2 * QUIET_ZONE };
}
