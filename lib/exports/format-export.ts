import { formatDate } from "../time/format";
import { dateOf } from "../time/zone";

/** Cents as decimal units for spreadsheets: 1250 → "12.50". */
export function decimalMoney(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** `acme_table_2026-11-23.csv`: program, tile and the local generation date. */
export function exportFilename(
  programSlug: string,
  tile: string,
  generatedAt: number,
  timeZone: string,
  extension: string,
): string {
  const date = formatDate(dateOf(generatedAt, timeZone));
  return `${programSlug}_${tile}_${date}.${extension}`;
}

export function attachmentHeaders(filename: string, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
