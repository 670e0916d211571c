import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { pgliteCopyCsv } from "./copy-csv";

// Rows enough that COPY is still sending when the reader stops after its first chunk.
const MANY = `SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 100000) g ORDER BY g`;

describe.each(inject("engines"))("COPY … TO CSV on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("writes timestamps in the zone asked for, and leaves the session's zone as it was", async () => {
    const query = `SELECT to_char(timestamptz '2026-03-08 06:30:05Z', 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM'), 'a,"b"', NULL::text, ''`;
    const chunks: Uint8Array[] = [];
    for await (const chunk of db.copyCsv(query, "America/New_York")) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(
      '2026-03-08T01:30:05-05:00,"a,""b""",,""\n',
    );
    const [{ zone }] = await db.prisma.$queryRaw<
      { zone: string }[]
    >`SELECT current_setting('TimeZone') AS zone`;
    expect(zone).toBe("UTC");
  });

  it("gives the connection back when the reader stops mid-file, however often", async () => {
    // More abandoned reads than the pool has connections: a leaked COPY would hang the last ones.
    // (PGlite is one connection, whose COPY is one Blob: two rounds show it stays usable.)
    for (let i = 0; i < (engine === "postgres" ? 12 : 2); i++) {
      const rows = db.copyCsv(MANY, "UTC");
      const first = await rows.next();
      expect(first.done).toBe(false);
      await rows.return(undefined);
    }
    let bytes = 0;
    for await (const chunk of db.copyCsv(MANY, "UTC")) bytes += chunk.byteLength;
    expect(bytes).toBeGreaterThan(100000 * 200);
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT 1 AS n`;
    expect(n).toBe(1);
  });
});

describe("COPY on PGlite, in slices", () => {
  it("writes every row once, in order, whether or not the last slice is full", async () => {
    const pglite = await PGlite.create("memory://");
    try {
      const copy = pgliteCopyCsv(pglite, 7);
      for (const n of [0, 6, 7, 28, 30]) {
        const chunks: Uint8Array[] = [];
        const query = `SELECT g, 'row ' || g FROM generate_series(1, ${n}) g ORDER BY g DESC`;
        for await (const chunk of copy(query, "UTC")) chunks.push(chunk);
        const expected = Array.from({ length: n }, (_, i) => `${n - i},row ${n - i}\n`).join("");
        expect(Buffer.concat(chunks).toString("utf8"), `${n} rows`).toBe(expected);
        expect(chunks.length).toBe(Math.ceil(n / 7));
      }
    } finally {
      await pglite.close();
    }
  });
});
