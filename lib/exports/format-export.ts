import { toWallTimeCached } from "../actions-tab/zoned-time";

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** ISO 8601 in the program's zone with its offset, e.g. 2026-03-08T01:30:00-05:00. */
export function isoInZone(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const w = toWallTimeCached(ms, timeZone);
  const offsetMinutes = Math.round(
    (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) -
      Math.floor(ms / 1000) * 1000) /
      60000,
  );
  const sign = offsetMinutes < 0 ? "-" : "+";
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/** Cents as decimal units for spreadsheets: 1250 → "12.50". */
export function decimalMoney(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** `acme_table_2026-11-23.csv`: program, tile and the local generation date. */
export function exportFilename(
  programSlug: string,
  tile: string,
  generatedAt: number,
  timeZone: string,
  extension: string,
): string {
  const date = isoInZone(generatedAt, timeZone).slice(0, 10);
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
