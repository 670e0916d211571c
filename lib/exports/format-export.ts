import { formatDate } from "../time/format";
import { dateOf } from "../time/zone";
import { safeFilePart } from "./file-label";

/** Cents as decimal units for spreadsheets: 1250 → "12.50". */
export function decimalMoney(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * `acme_actions_past-30-days_2026-12-05.pdf`: program, what the file holds, what it covers (a
 * saved view's name or the timeframe, see `fileLabel`; none for files of no period) and the local
 * date it was made, in characters safe in every file system and mail client.
 */
export function exportFilename(
  programSlug: string,
  what: string,
  generatedAt: number,
  timeZone: string,
  extension: string,
  label?: string,
): string {
  const date = formatDate(dateOf(generatedAt, timeZone));
  const parts = [programSlug, what, label ?? "", date].map(safeFilePart).filter(Boolean);
  return `${parts.join("_")}.${extension}`;
}

export function attachmentHeaders(filename: string, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
