import "server-only";
import type { TabEngine } from "../tab-engine";
import { pgDrillRows, pgDrillTotal } from "./pg-drill-down";
import { pgOccurrenceBatches, pgOccurrencePage } from "./pg-occurrences";
import { pgActionExtent, pgSeriesCounts } from "./pg-series";
import { pgCountNew, pgSummaryNumbers } from "./pg-summary";

/** The tab answered by the system of record (PostgreSQL or PGlite), as before ClickHouse. */
export const postgresTabEngine: TabEngine = {
  name: "postgres",
  summaryNumbers: pgSummaryNumbers,
  actionExtent: pgActionExtent,
  seriesCounts: pgSeriesCounts,
  occurrencePage: pgOccurrencePage,
  occurrenceBatches: pgOccurrenceBatches,
  drillRows: pgDrillRows,
  drillTotal: pgDrillTotal,
  countNew: pgCountNew,
};
