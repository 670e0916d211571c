import { chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import {
  conversionCountsOf,
  splitTotal,
  withinMs,
  type ConversionAggregateRow,
  type ConversionBy,
  type ConversionQuestion,
  type ConversionSelection,
  type ConversionTotals,
  type KeyedConversionCounts,
} from "../conversion/conversion";
import type { Breakdown } from "../breakdown/breakdown";
import { keyed } from "./ch-breakdown";
import type { TabScope } from "../scope";
import { chMatchingActions, chOccurredWithin } from "./ch-matching-actions";

const ANY_TIME = { start: null, end: null };

/**
 * The twin of postgres `pgConversionStarts`: one row per starting entity (`id`, `partnership_id`
 * of its first A in the timeframe, `delta` to its first B at or after it, `is_converted`), in one
 * pass grouped by entity. windowFunnel and sequenceMatch would start a chain at any A and give no
 * time to convert, so the entity's first A is taken with argMinIf on (occurred_at, id) and its
 * first B from the array of its B times.
 */
export function chConversionStarts(scope: TabScope, q: ConversionQuestion): ChSql {
  const { from, where } = chMatchingActions(scope, ANY_TIME, [
    chsql`a.action_type_id IN (from_id, to_id)`,
  ]);
  const typeId = (name: string) => chsql`(SELECT any(id) FROM ${chTable("action_types")} FINAL
    WHERE program_id = ${scope.programId} AND name = ${name})`;
  return chsql`
    WITH ${typeId(q.from)} AS from_id, ${typeId(q.to)} AS to_id
    SELECT s.1 AS id, s.2 AS partnership_id,
           arrayFilter(x -> x >= s.3, bs) AS later,
           if(empty(later), NULL, arrayMin(later) - s.3) AS delta,
           ifNull(delta <= ${withinMs(q)}, 0) AS is_converted
    FROM (
      SELECT argMinIf((a.id, a.partnership_id, toUnixTimestamp64Milli(a.occurred_at)),
                      (a.occurred_at, a.id), a.action_type_id = from_id AND is_start) AS s,
             groupArrayIf(toUnixTimestamp64Milli(a.occurred_at), a.action_type_id = to_id) AS bs
      FROM ${from}
      WHERE ${where}
      GROUP BY a.customer_id = 0, if(a.customer_id = 0, a.partnership_id, a.customer_id)
      HAVING countIf(a.action_type_id = from_id AND (${chOccurredWithin(scope.range)}) AS is_start) > 0)`;
}

/** The drill-down's condition for a conversion's starting actions (alias `a`). */
export function chConversionCondition(scope: TabScope, c: ConversionSelection): ChSql {
  const group =
    c.group === null
      ? chsql``
      : chsql`AND a.partnership_id IN (SELECT id FROM ${chTable("partnerships")} FINAL
          WHERE program_id = ${scope.programId} AND group_id = ${c.group})`;
  return chsql`a.id IN (SELECT id FROM (${chConversionStarts(scope, c)})
    WHERE is_converted = ${c.converted ? 1 : 0}) ${group}`;
}

type Numeric = number | string;

/** A group's numbers over its starts (`c`): ranks ⌈n/2⌉ and ⌈9n/10⌉ of the sorted waits. */
const AGGREGATES = chsql`count() AS starts, countIf(c.is_converted = 1) AS converted,
  arraySort(groupArrayIf(assumeNotNull(c.delta), c.is_converted = 1)) AS waits,
  if(empty(waits), NULL, waits[intDiv(length(waits) + 1, 2)]) AS median,
  if(empty(waits), NULL, waits[intDiv(9 * length(waits) + 9, 10)]) AS p90`;

/**
 * Starts grouped under a breakdown of KEYED_CONVERSION_KINDS (twin of pgConversionByKey): the
 * start's partnership (`raw`) or the starting action's property, keyed as ch-breakdown.ts keys.
 */
export async function chConversionByKey(
  ch: ClickHouse,
  scope: TabScope,
  q: ConversionQuestion,
  by: Breakdown,
): Promise<KeyedConversionCounts[]> {
  const starts = chConversionStarts(scope, q);
  const source =
    by.kind === "property"
      ? chsql`SELECT c.is_converted AS is_converted, c.delta AS delta, x.raw AS raw
          FROM (${starts}) AS c
          JOIN (SELECT id, properties[${by.key}] AS raw FROM ${chTable("actions")} FINAL
                WHERE program_id = ${scope.programId}) AS x ON x.id = c.id`
      : chsql`SELECT c.is_converted AS is_converted, c.delta AS delta,
          c.partnership_id AS raw FROM (${starts}) AS c`;
  const k = keyed(by, scope.programId);
  const rows = await ch.query<ConversionAggregateRow & { key: string }>(chsql`
    SELECT key, starts, converted, median, p90 FROM (
      SELECT c.key AS key, ${AGGREGATES}
      FROM (SELECT ${k.key} AS key, s.is_converted AS is_converted, s.delta AS delta
            FROM (${source}) AS s ${k.join}) AS c
      GROUP BY c.key)`);
  return rows.map((r) => ({ key: String(r.key), ...conversionCountsOf(r) }));
}

export async function chConversionCounts(
  ch: ClickHouse,
  scope: TabScope,
  q: ConversionQuestion,
  by: ConversionBy,
): Promise<ConversionTotals> {
  const key = { total: chsql`0`, partner: chsql`c.partnership_id`, group: chsql`p.group_id` }[by];
  const join =
    by === "group"
      ? chsql`JOIN (SELECT id, group_id FROM ${chTable("partnerships")} FINAL
          WHERE program_id = ${scope.programId}) AS p ON p.id = c.partnership_id`
      : chsql``;
  // One pass for the breakdown and the total: the empty grouping set's key is 0 (ids start at 1);
  // the total alone is the aggregate of every start (a constant key would read as a position).
  // Ranks are whole numbers (⌈n/2⌉, ⌈9n/10⌉) indexing the sorted waits: exact, as in JavaScript.
  const rows = await ch.query<ConversionAggregateRow & { key: Numeric }>(chsql`
    SELECT key, starts, converted, median, p90 FROM (
      SELECT ${key} AS key, ${AGGREGATES}
      FROM (${chConversionStarts(scope, q)}) AS c ${join}
      ${by === "total" ? chsql`` : chsql`GROUP BY GROUPING SETS ((key), ())`})
    SETTINGS group_by_use_nulls = 0`);
  const counts = rows.map((r) => ({ key: Number(r.key), ...conversionCountsOf(r) }));
  return splitTotal(counts, (c) => c.key === 0, by);
}
