import "server-only";
import { csvLines, csvStream, primed } from "../exports/csv";
import type { PrismaClient } from "../generated/prisma/client";
import { isoInZone } from "../time/format";
import type { AuditCursor, AuditFilters } from "./audit-params";
import { listAuditEvents, type AuditEventRow } from "./list-audit-events";

export const AUDIT_CSV_HEADER = ["Time", "Person", "Kind", "Summary", "Details"];

/** Entries read per statement: memory stays flat however long the log is. */
const BATCH = 1000;

const encoder = new TextEncoder();

/** One entry as CSV cells: the time ISO 8601 with the program's offset, details as JSON. */
function csvRow(event: AuditEventRow, timeZone: string): unknown[] {
  return [
    isoInZone(event.createdAt, timeZone),
    event.actorLabel,
    event.kind,
    event.summary,
    JSON.stringify(event.details ?? {}),
  ];
}

/**
 * Every entry of the filters, newest first, as a CSV byte stream (cells formula-neutralised by
 * `csvLines`). Read in keyset batches as the client takes them; the first batch is read before
 * the response starts, so a failing statement is an error page, not a cut file.
 */
export async function auditCsv(
  prisma: PrismaClient,
  program: { id: number; timezone: string },
  filters: AuditFilters,
): Promise<ReadableStream<Uint8Array>> {
  async function* batches() {
    let cursor: AuditCursor = null;
    for (;;) {
      const page = await listAuditEvents(prisma, program.id, filters, cursor, BATCH);
      yield encoder.encode(csvLines(page.events.map((e) => csvRow(e, program.timezone))));
      const last = page.events.at(-1);
      if (!page.hasOlder || !last) return;
      cursor = { direction: "after", id: last.id };
    }
  }
  return csvStream(AUDIT_CSV_HEADER, [await primed(batches())]);
}
