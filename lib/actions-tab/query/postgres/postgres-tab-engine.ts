import "server-only";
import type { OpenDatabase } from "../../../db/open";
import type { TabEngine } from "../tab-engine";
import { pgDrillRows, pgDrillTotal } from "./pg-drill-down";
import { pgDrillCsv, pgOccurrenceCsv } from "./pg-csv";
import { pgOccurrencePage } from "./pg-occurrences";
import { pgDailyCounts } from "./pg-series";
import { pgCountNew, pgSummaryNumbers } from "./pg-summary";

/** The tab answered by the system of record (PostgreSQL or PGlite), as before ClickHouse. */
export function postgresTabEngine(db: OpenDatabase): TabEngine {
  return {
    name: "postgres",
    summaryNumbers: (scope, range) => pgSummaryNumbers(db, scope, range),
    dailyCounts: (scope) => pgDailyCounts(db, scope),
    occurrencePage: (scope, table, page, limit) => pgOccurrencePage(db, scope, table, page, limit),
    occurrenceCsv: (scope, table) => pgOccurrenceCsv(db, scope, table),
    drillCsv: (scope, selection, ruleNames) => pgDrillCsv(db, scope, selection, ruleNames),
    drillRows: (scope, selection, cursor, limit) =>
      pgDrillRows(db, scope, selection, cursor, limit),
    drillTotal: (scope, selection) => pgDrillTotal(db, scope, selection),
    countNew: (scope, since) => pgCountNew(db, scope, since),
  };
}
