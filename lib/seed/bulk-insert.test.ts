import { afterEach, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { bulkInsert } from "./bulk-insert";

describe.each(inject("engines"))("bulkInsert on %s", (engine) => {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  it("casts to each column's type without cutting a char(3) short, and names unknown columns", async () => {
    const db = await createTestDatabase(engine);
    open.push(db);
    const rows = await db.withRunner((runner) =>
      bulkInsert<{ currency: string }>(
        runner,
        "programs",
        [{ slug: "bulk", name: "Bulk", timezone: "UTC", currency: "EUR" }],
        "currency",
      ),
    );
    expect(rows).toEqual([{ currency: "EUR" }]);
    await expect(
      db.withRunner((runner) => bulkInsert(runner, "programs", [{ slug: "x", colour: "red" }])),
    ).rejects.toThrow('"programs" has no column "colour"');
  });
});
