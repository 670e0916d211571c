import { openClickHouse } from "../../lib/analytics/clickhouse";
import { openDatabase } from "../../lib/db/open";
import type { BenchConfig } from "./config";

/** The bench's PostgreSQL database and its embedded ClickHouse copy, as the children read them. */
export async function openBenchStores(config: BenchConfig) {
  const db = await openDatabase({ engine: "postgres", url: config.databaseUrl });
  const ch = await openClickHouse({
    engine: "chdb",
    path: config.analyticsPath,
    database: config.analyticsDatabase,
  });
  return { db, ch };
}
