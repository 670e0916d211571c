import { randomBytes } from "node:crypto";
import { clickhouseTabEngine, postgresTabEngine } from "../stats/engines";
import type { TabEngine } from "../stats/engine";
import type { TabSources } from "../stats/sources";
import { resolveAnalyticsTarget, type ClickHouseTarget } from "../analytics/analytics-target";
import { openClickHouse, type ClickHouse } from "../analytics/clickhouse";
import { drainOutbox } from "../analytics/drain-outbox";
import { dropAnalyticsDatabase, ensureAnalyticsSchema } from "../analytics/schema";
import type { OpenDatabase } from "../db/open";
import { chdbTestFolder } from "./chdb-test-folder";
import type { Engine } from "./engines";

/** Which engine answers the tab in a test: the database itself, embedded chdb, or a server. */
type AnalyticsKind = "postgres" | "chdb" | "clickhouse";

/** Database × analytics pairs the tab's tests run on: both databases, chdb always, a server if given. */
export function analyticsCases(engines: Engine[]): { db: Engine; analytics: AnalyticsKind }[] {
  const cases: { db: Engine; analytics: AnalyticsKind }[] = engines.map((db) => ({
    db,
    analytics: "postgres",
  }));
  cases.push({ db: engines.includes("postgres") ? "postgres" : "pglite", analytics: "chdb" });
  if (process.env.TEST_ANALYTICS_URL) cases.push({ db: "pglite", analytics: "clickhouse" });
  return cases;
}

export interface TestAnalytics {
  engine: TabEngine;
  ch: ClickHouse | null;
  /** Delivers the outbox to ClickHouse (what the server's worker does in the background). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

const chdbFolder = chdbTestFolder();

function targetFor(kind: "chdb" | "clickhouse", database: string): ClickHouseTarget {
  if (kind === "chdb") return { engine: "chdb", path: chdbFolder, database };
  const server = resolveAnalyticsTarget({ ANALYTICS_URL: process.env.TEST_ANALYTICS_URL });
  if (server.engine !== "clickhouse") throw new Error("TEST_ANALYTICS_URL must be http(s)://…");
  return { ...server, database };
}

export async function openTestAnalytics(
  kind: AnalyticsKind,
  db: OpenDatabase,
): Promise<TestAnalytics> {
  if (kind === "postgres") {
    return { engine: postgresTabEngine(db), ch: null, sync: async () => {}, close: async () => {} };
  }
  const database = `ab_test_${randomBytes(5).toString("hex")}`;
  const ch = await openClickHouse(targetFor(kind, database));
  await ensureAnalyticsSchema(ch);
  return {
    engine: clickhouseTabEngine(ch),
    ch,
    async sync() {
      await drainOutbox(db.prisma, ch);
    },
    async close() {
      await dropAnalyticsDatabase(ch);
      // The embedded session stays open for the next test of this process.
      if (kind === "clickhouse") await ch.close();
    },
  };
}

/** What a request edge hands the tab when no ANALYTICS_URL is set: the database answers. */
export function postgresTabSources(db: OpenDatabase): TabSources {
  return { db, analytics: { engine: postgresTabEngine(db), worker: null } };
}
