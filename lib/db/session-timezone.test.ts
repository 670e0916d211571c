import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { openDatabase } from "./open";

// Timestamps travel without an offset; a server whose default zone is not UTC must not shift them.
describe.runIf(inject("engines").includes("postgres"))("PostgreSQL sessions", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
  });
  afterAll(() => db.close());

  it("run in UTC even when the database defaults to another zone", async () => {
    const [{ name }] = await db.withRunner((r) =>
      r.query<{ name: string }>("SELECT current_database() AS name"),
    );
    await db.withRunner((r) => r.exec(`ALTER DATABASE "${name}" SET TimeZone = 'Asia/Kolkata'`));
    const url = new URL(
      process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    );
    url.pathname = `/${name}`;
    const fresh = await openDatabase({ engine: "postgres", url: url.toString() });
    try {
      const at = new Date("2026-03-08T06:30:00.000Z");
      const [row] = await fresh.prisma.$queryRaw<
        { zone: string; back: Date }[]
      >`SELECT current_setting('TimeZone') AS zone, ${at}::timestamptz AS back`;
      expect(row.zone).toBe("UTC");
      expect(row.back.toISOString()).toBe(at.toISOString());
    } finally {
      await fresh.close();
    }
  });
});
