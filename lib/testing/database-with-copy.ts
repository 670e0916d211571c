import { afterAll, beforeAll, inject } from "vitest";
import type { Engine } from "./engines";
import { openTestAnalytics, type TestAnalytics } from "./test-analytics";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A test database (PostgreSQL when the run has it, else PGlite) with an embedded ClickHouse copy,
 * (or `engine`), opened before the enclosing `describe`'s tests and closed after them: read `.db` and
 * `.analytics` inside the tests.
 */
export function databaseWithCopy(
  engine: Engine = inject("engines").includes("postgres") ? "postgres" : "pglite",
) {
  const opened = {} as { db: TestDatabase; analytics: TestAnalytics };
  beforeAll(async () => {
    opened.db = await createTestDatabase(engine);
    opened.analytics = await openTestAnalytics("chdb", opened.db);
  });
  afterAll(async () => {
    await opened.analytics.close();
    await opened.db.close();
  });
  return opened;
}
