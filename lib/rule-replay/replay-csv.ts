import { csvLines } from "../exports/csv";
import { decimalCents } from "./format-cents";
import type { ReplayReport } from "./replay-report";

export const REPLAY_CSV_HEADER = [
  "Partner key",
  "Partner name",
  "Partner email",
  "Group",
  "Actions",
  "Actions affected",
  "Rewards recorded",
  "Rewards today",
  "Rewards with the change",
  "Difference",
];

/**
 * One row per partnership the draft changes, largest difference first: the "Difference" column
 * sums exactly to the total difference shown (decimals of whole cents, no rounding).
 */
export function replayCsv(report: ReplayReport): string {
  return `\uFEFF${csvLines([
    REPLAY_CSV_HEADER,
    ...report.changed.map((p) => [
      p.partnerKey,
      p.partnerName,
      p.partnerEmail,
      p.groupName,
      p.actions,
      p.affected,
      decimalCents(p.recordedCents),
      decimalCents(p.todayCents),
      decimalCents(p.draftCents),
      decimalCents(p.differenceCents),
    ]),
  ])}`;
}
