import { chsql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import { toSummaryNumbers, type DailyCount, type SummaryNumbers } from "../engine";
import type { TabScope } from "../scope";
import {
  actionTypesNow,
  chMatchingActions,
  chMatchingTotals,
  coversAllTime,
  ms,
} from "./ch-matching-actions";

type Numeric = number | string;

export async function chSummaryNumbers(
  ch: ClickHouse,
  scope: TabScope,
  range: InstantRange,
): Promise<SummaryNumbers> {
  if (coversAllTime(scope) && range.start === null && range.end === null) {
    return allTimeSummaryNumbers(ch, scope);
  }
  const { from, where } = chMatchingActions(scope, range);
  const [row] = await ch.query<Record<keyof SummaryNumbers, Numeric>>(chsql`
    SELECT count() AS occurrences, sum(a.value) AS totalValue, sum(a.reward_cents) AS rewardCents,
           uniqExact(a.partnership_id) AS partners,
           uniqExactIf(a.customer_id, a.customer_id != 0) AS customers
    FROM ${from} WHERE ${where}`);
  return toSummaryNumbers(row);
}

/**
 * Any time: every number but the customers from the totals summed ahead (action_totals); the
 * distinct customers are not in them, so they are counted from the actions alongside.
 */
async function allTimeSummaryNumbers(ch: ClickHouse, scope: TabScope): Promise<SummaryNumbers> {
  const totals = chMatchingTotals(scope);
  const actions = chMatchingActions(scope);
  const [[summed], [customers]] = await Promise.all([
    ch.query<Record<Exclude<keyof SummaryNumbers, "customers">, Numeric>>(chsql`
      SELECT sum(a.occurrences) AS occurrences, sum(a.value * a.occurrences) AS totalValue,
             sum(a.reward_cents) AS rewardCents, uniqExact(a.partnership_id) AS partners
      FROM ${totals.from} WHERE ${totals.where}`),
    ch.query<{ customers: Numeric }>(chsql`
      SELECT uniqExactIf(a.customer_id, a.customer_id != 0) AS customers
      FROM ${actions.from} WHERE ${actions.where}`),
  ]);
  return toSummaryNumbers({ ...summed, ...customers });
}

export async function chCountNew(ch: ClickHouse, scope: TabScope, since: number) {
  const { from, where } = chMatchingActions(scope);
  const [row] = await ch.query<{ n: Numeric }>(chsql`
    SELECT count() AS n FROM ${from} WHERE ${where} AND a.created_at > ${ms(since)}`);
  return Number(row.n);
}

// Date32 with extended results: a local day before 1970 (the epoch is still 1969 west of
// Greenwich) would otherwise wrap around, as PostgreSQL's to_char does not.
export async function chDailyCounts(ch: ClickHouse, scope: TabScope): Promise<DailyCount[]> {
  const { from, where } = chMatchingActions(scope);
  const rows = await ch.query<{ day: string; type: string; occurrences: Numeric }>(chsql`
    SELECT c.day AS day, t.name AS type, c.occurrences AS occurrences
    FROM (
      SELECT toString(toDate32(a.occurred_at, ${scope.timezone})) AS day,
             a.action_type_id AS action_type_id, count() AS occurrences
      FROM ${from} WHERE ${where}
      GROUP BY day, action_type_id) AS c
    JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = c.action_type_id
    SETTINGS enable_extended_results_for_datetime_functions = 1`);
  return rows.map((r) => ({ ...r, occurrences: Number(r.occurrences) }));
}
