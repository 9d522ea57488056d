/**
 * The VIN list of a recall campaign, uploaded as CSV (docs/decisions/0027-recalls-warranties-maintenance.md).
 * Pure: csv-parse and the VIN rules only.
 *
 * Accepted: one VIN per row, in the first column, or in the column headed "VIN" (any case) when the
 * first row is a header; separators "," or ";" (a Dutch or Belgian spreadsheet writes ";"); blank
 * rows skipped; a VIN listed twice counts once. Every other row is rejected with its line number,
 * its value and why, and then nothing is stored: a campaign is registered with a clean list or not at all.
 */
import { parse } from "csv-parse/sync";
import { checkVin, type VinError } from "../server/vin";

export const MAX_VIN_LIST_ROWS = 10_000;
export const MAX_VIN_LIST_BYTES = 1_000_000;

export type VinLineError = VinError | "csv_unreadable" | "csv_too_many_rows";
export interface RejectedLine {
  /** 1-based line number in the file (0: the file as a whole). */
  line: number;
  value: string;
  error: VinLineError;
}

export type VinList = { ok: true; vins: string[] } | { ok: false; rejected: RejectedLine[] };

function delimiterOf(text: string): string {
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  return first.includes(";") && !first.includes(",") ? ";" : ",";
}

export function parseVinList(text: string): VinList {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return { ok: false, rejected: [{ line: 0, value: "", error: "csv_unreadable" }] };
  }
  if (rows.length > MAX_VIN_LIST_ROWS) return { ok: false, rejected: [{ line: 0, value: String(rows.length), error: "csv_too_many_rows" }] };
  let column = 0;
  const header = rows[0]?.record.map((c) => c.toLowerCase());
  if (header && header.some((c) => c === "vin")) {
    column = header.indexOf("vin");
    rows = rows.slice(1);
  }
  const vins = new Set<string>();
  const rejected: RejectedLine[] = [];
  for (const { record, info } of rows) {
    const value = record[column] ?? "";
    if (record.every((c) => c === "")) continue;
    const r = checkVin(value);
    if (r.ok) vins.add(r.vin);
    else rejected.push({ line: info.lines, value: value.slice(0, 40), error: r.error });
  }
  if (rejected.length) return { ok: false, rejected };
  if (!vins.size) return { ok: false, rejected: [{ line: 0, value: "", error: "vin_length" }] };
  return { ok: true, vins: [...vins] };
}
