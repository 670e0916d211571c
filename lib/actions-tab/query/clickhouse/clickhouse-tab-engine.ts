import type { ClickHouse } from "../../../analytics/clickhouse";
import type { TabEngine } from "../tab-engine";
import { chDrillRows, chDrillTotal } from "./ch-drill-down";
import { chDrillCsv, chOccurrenceCsv } from "./ch-csv";
import { chOccurrencePage } from "./ch-occurrences";
import { chCountNew, chDailyCounts, chSummaryNumbers } from "./ch-summary";

/** The tab answered by the analytics copy in ClickHouse (embedded chdb or a server). */
export function clickhouseTabEngine(ch: ClickHouse): TabEngine {
  return {
    name: "clickhouse",
    summaryNumbers: (scope, range) => chSummaryNumbers(ch, scope, range),
    dailyCounts: (scope) => chDailyCounts(ch, scope),
    occurrencePage: (scope, table, page, limit) => chOccurrencePage(ch, scope, table, page, limit),
    occurrenceCsv: (scope, table) => chOccurrenceCsv(ch, scope, table),
    drillCsv: (scope, selection, ruleNames) => chDrillCsv(ch, scope, selection, ruleNames),
    drillRows: (scope, selection, cursor, limit) =>
      chDrillRows(ch, scope, selection, cursor, limit),
    drillTotal: (scope, selection) => chDrillTotal(ch, scope, selection),
    countNew: (scope, since) => chCountNew(ch, scope, since),
  };
}
