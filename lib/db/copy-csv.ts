import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/**
 * Writes a query's rows as CSV with PostgreSQL's own `COPY … TO STDOUT (FORMAT csv)` — the
 * fastest way out of the database — with timestamps rendered in `timeZone` (the statement runs
 * in a read-only transaction with that session zone, so `to_char(…, 'TZH:TZM')` gives the
 * program's offset). `query` must be plain text — COPY takes no parameters (see `inlineSql`) —
 * and end with its ORDER BY (PGlite appends LIMIT/OFFSET to it).
 */
export type CopyCsv = (query: string, timeZone: string) => AsyncGenerator<Uint8Array>;

const copyStatement = (query: string, into: string) =>
  `COPY (${query}) TO ${into} WITH (FORMAT csv)`;
const setZone = (timeZone: string) => `SET LOCAL TimeZone = ${pg.escapeLiteral(timeZone)}`;

/** Bytes stream as the server sends them, with backpressure: memory stays flat. */
export function pgCopyCsv(pool: pg.Pool): CopyCsv {
  return async function* (query, timeZone) {
    const client = await pool.connect();
    let stream: ReturnType<typeof copyTo> | undefined;
    let finished = false;
    try {
      await client.query("BEGIN READ ONLY");
      await client.query(setZone(timeZone));
      stream = client.query(copyTo(copyStatement(query, "STDOUT")));
      for await (const chunk of stream) yield chunk as Buffer;
      await client.query("COMMIT");
      finished = true;
    } finally {
      // A download abandoned mid-COPY leaves the connection mid-protocol: close it, don't reuse it.
      if (!finished) stream?.destroy();
      client.release(finished ? undefined : true);
    }
  };
}

/** Rows per PGlite COPY: a few MB of CSV, so the embedded database's memory stays small. */
const PGLITE_COPY_ROWS = 50_000;

/**
 * PGlite has no STDOUT: COPY writes into a Blob (`/dev/blob`). So the file is copied in slices of
 * `rowsPerCopy` rows (`LIMIT … OFFSET …` on the ordered statement), each slice a Blob of a few MB:
 * WebAssembly memory never shrinks, and one Blob the size of the file would keep the process that
 * large. Each slice re-runs the statement; the embedded database serves small programs.
 */
export function pgliteCopyCsv(pglite: PGlite, rowsPerCopy = PGLITE_COPY_ROWS): CopyCsv {
  return async function* (query, timeZone) {
    for (let offset = 0; ; offset += rowsPerCopy) {
      const { blob, rows } = await pglite.transaction(async (tx) => {
        await tx.exec(setZone(timeZone));
        const slice = `${query} LIMIT ${rowsPerCopy} OFFSET ${offset}`;
        const result = await tx.query(copyStatement(slice, "'/dev/blob'"));
        return { blob: result.blob, rows: result.affectedRows ?? 0 };
      });
      if (blob && blob.size > 0) yield new Uint8Array(await blob.arrayBuffer());
      if (rows < rowsPerCopy) return;
    }
  };
}
