import "server-only";
import type { OpenDatabase } from "../../db/open";
import { engineOver, type TabEngine } from "../engine";
import { pgDrillRows, pgDrillTotal } from "./pg-drill-down";
import { pgDrillCsv, pgOccurrenceCsv } from "./pg-csv";
import { pgOccurrencePage } from "./pg-occurrences";
import { pgDailyCounts } from "./pg-series";
import { pgBreakdownDaily, pgBreakdownRows } from "./pg-breakdown";
import { pgCountNew, pgSummaryNumbers } from "./pg-summary";
import { pgPartnerStats, pgRankPartners } from "./pg-partners";
import { pgConversionByKey, pgConversionCounts } from "./pg-conversion";
import { pgRuleReplay } from "./pg-rule-replay";

/** The tab answered by the system of record (PostgreSQL or PGlite), as before ClickHouse. */
export function postgresTabEngine(db: OpenDatabase): TabEngine {
  return engineOver("postgres", db, {
    summaryNumbers: pgSummaryNumbers,
    dailyCounts: pgDailyCounts,
    breakdownDaily: pgBreakdownDaily,
    breakdownRows: pgBreakdownRows,
    occurrencePage: pgOccurrencePage,
    occurrenceCsv: pgOccurrenceCsv,
    drillCsv: pgDrillCsv,
    drillRows: pgDrillRows,
    drillTotal: pgDrillTotal,
    countNew: pgCountNew,
    partnerStats: pgPartnerStats,
    rankPartners: pgRankPartners,
    conversionCounts: pgConversionCounts,
    conversionByKey: pgConversionByKey,
    ruleReplay: pgRuleReplay,
  });
}
