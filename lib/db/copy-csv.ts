import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/**
 * Writes a query's rows as CSV with PostgreSQL's own `COPY … TO STDOUT (FORMAT csv)` — the
 * fastest way out of the database — with timestamps rendered in `timeZone` (the statement runs
 * in a read-only transaction with that session zone, so `to_char(…, 'TZH:TZM')` gives the
 * program's offset). `query` must be plain text: COPY takes no parameters (see `inlineSql`).
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

/**
 * PGlite has no STDOUT: COPY writes into a Blob (`/dev/blob`) the size of the file. The embedded
 * database serves small programs; PostgreSQL is the engine for large ones.
 */
export function pgliteCopyCsv(pglite: PGlite): CopyCsv {
  return async function* (query, timeZone) {
    const blob = await pglite.transaction(async (tx) => {
      await tx.exec(setZone(timeZone));
      const result = await tx.query(copyStatement(query, "'/dev/blob'"));
      return result.blob;
    });
    if (!blob) return;
    const reader = blob.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  };
}
