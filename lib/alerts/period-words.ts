// A checked period in the program's zone: "2026-12-07 09:00–10:00 CET", "2026-12-07".
import { formatDate } from "../time/format";
import { dateOf, toWallTime, zoneNameAt } from "../time/zone";
import type { AlertFrequency, Period } from "./alert-periods";

const hhmm = (instant: number, timeZone: string) => {
  const w = toWallTime(instant, timeZone);
  return `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
};

export function periodWords(frequency: AlertFrequency, p: Period, timeZone: string): string {
  const day = formatDate(dateOf(p.start, timeZone));
  if (frequency === "daily") return day;
  const zone = zoneNameAt(p.start, timeZone, "short", "en-CA");
  return `${day} ${hhmm(p.start, timeZone)}–${hhmm(p.end, timeZone)} ${zone}`;
}
