import type { ClickHouse } from "../../analytics/clickhouse";
import { engineOver, type TabEngine } from "../engine";
import { chDrillRows, chDrillTotal } from "./ch-drill-down";
import { chDrillCsv, chOccurrenceCsv } from "./ch-csv";
import { chOccurrencePage } from "./ch-occurrences";
import { chCountNew, chDailyCounts, chSummaryNumbers } from "./ch-summary";
import { chPartnerStats, chRankPartners } from "./ch-partners";
import { chConversionByKey, chConversionCounts } from "./ch-conversion";
import { chRuleReplay } from "./ch-rule-replay";
import { chBreakdownDaily, chBreakdownRows } from "./ch-breakdown";

/** The tab answered by the analytics copy in ClickHouse (embedded chdb or a server). */
export function clickhouseTabEngine(ch: ClickHouse): TabEngine {
  return engineOver("clickhouse", ch, {
    summaryNumbers: chSummaryNumbers,
    dailyCounts: chDailyCounts,
    breakdownDaily: chBreakdownDaily,
    breakdownRows: chBreakdownRows,
    occurrencePage: chOccurrencePage,
    occurrenceCsv: chOccurrenceCsv,
    drillCsv: chDrillCsv,
    drillRows: chDrillRows,
    drillTotal: chDrillTotal,
    countNew: chCountNew,
    partnerStats: chPartnerStats,
    rankPartners: chRankPartners,
    conversionCounts: chConversionCounts,
    conversionByKey: chConversionByKey,
    ruleReplay: chRuleReplay,
  });
}
