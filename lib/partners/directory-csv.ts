import "server-only";
import type { TabScope } from "../stats/scope";
import type { OpenDatabase } from "../db/open";
import { csvLines, csvStream } from "../exports/csv";
import { decimalMoney } from "../exports/format-export";
import { isoInZone } from "../time/format";
import type { DirectoryState } from "./directory-params";
import { listDirectory, type DirectoryRow } from "./get-partner-directory";

export function directoryCsvHeader(currency: string): string[] {
  return [
    "Partner name",
    "Partner email",
    "Partner key",
    "Group",
    "Tags",
    "Partner manager",
    "Joined",
    "Actions",
    `Rewards (${currency})`,
    "Last action",
  ];
}

/** One directory row as CSV cells: times ISO 8601 in the program's zone, money in units. */
export function directoryCsvRow(row: DirectoryRow, timeZone: string): unknown[] {
  return [
    row.name,
    row.email,
    row.partnerKey,
    row.group,
    row.tags.join(", "),
    row.manager ?? "",
    isoInZone(row.joinedAt, timeZone),
    row.actions,
    decimalMoney(row.rewardCents),
    row.lastActionAt === null ? "" : isoInZone(row.lastActionAt, timeZone),
  ];
}

/** Every partnership of a directory URL in screen order (the page's cursor is not a filter). */
export async function directoryCsv(
  db: OpenDatabase,
  scope: TabScope,
  d: DirectoryState,
  currency: string,
): Promise<ReadableStream<Uint8Array>> {
  // Read whole before the response starts: a failure becomes an error page, not a cut-off file.
  const all = await listDirectory(db, scope, { ...d, after: null }, null);
  const lines = csvLines(all.map((row) => directoryCsvRow(row, scope.timezone)));
  return csvStream(directoryCsvHeader(currency), [oneChunk(new TextEncoder().encode(lines))]);
}

async function* oneChunk(bytes: Uint8Array) {
  yield bytes;
}
