import "server-only";
import type { TabEngine } from "../tab-engine";
import { pgDrillRows, pgDrillTotal } from "./pg-drill-down";
import { pgDrillCsv, pgOccurrenceCsv } from "./pg-csv";
import { pgOccurrencePage } from "./pg-occurrences";
import { pgDailyCounts } from "./pg-series";
import { pgCountNew, pgSummaryNumbers } from "./pg-summary";

/** The tab answered by the system of record (PostgreSQL or PGlite), as before ClickHouse. */
export const postgresTabEngine: TabEngine = {
  name: "postgres",
  summaryNumbers: pgSummaryNumbers,
  dailyCounts: pgDailyCounts,
  occurrencePage: pgOccurrencePage,
  occurrenceCsv: pgOccurrenceCsv,
  drillCsv: pgDrillCsv,
  drillRows: pgDrillRows,
  drillTotal: pgDrillTotal,
  countNew: pgCountNew,
};
