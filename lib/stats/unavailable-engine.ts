import type { TabEngine } from "./engine";

/** The engine of a process whose analytics engine cannot be reached: every answer is that error. */
export function unavailableTabEngine(reason: string): TabEngine {
  const fail = async (): Promise<never> => {
    throw new Error(`The analytics engine cannot be reached: ${reason}`);
  };
  return {
    name: "clickhouse",
    summaryNumbers: fail,
    dailyCounts: fail,
    breakdownDaily: fail,
    breakdownRows: fail,
    occurrencePage: fail,
    async *occurrenceCsv() {
      yield await fail();
    },
    async *drillCsv() {
      yield await fail();
    },
    drillRows: fail,
    drillTotal: fail,
    countNew: fail,
    partnerStats: fail,
    rankPartners: fail,
    conversionCounts: fail,
    conversionByKey: fail,
    ruleReplay: fail,
  };
}
