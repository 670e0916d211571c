import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
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
import { keyed } from "./pg-breakdown";
import type { TabScope } from "../scope";
import { matchingActions, occurredWithin } from "./matching-actions";

const ANY_TIME = { start: null, end: null };

/**
 * Each starting entity of a conversion, one row: `id` and `partnership_id` of its first A in the
 * timeframe (by occurred_at, then id), `delta_ms` from it to the first B at or after it (null
 * when none) and `converted`. An entity is a customer for customer actions, a partnership for
 * partner actions. A and B are the scope's matching actions at any time (filters as on the tab,
 * archived ones excluded); only A must fall in the timeframe.
 */
export function pgConversionStarts(scope: TabScope, q: ConversionQuestion): Prisma.Sql {
  const { from, where } = matchingActions(scope, ANY_TIME);
  const typeId = (name: string) =>
    Prisma.sql`(SELECT id FROM action_types WHERE program_id = ${scope.programId} AND name = ${name})`;
  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT a.id, a.partnership_id, a.occurred_at, a.action_type_id = ${typeId(q.from)} AS is_a,
             a.customer_id IS NULL AS by_partner, COALESCE(a.customer_id, a.partnership_id) AS entity,
             (${occurredWithin(scope.range)}) AS in_range
      FROM ${from} WHERE ${where}
        AND a.action_type_id IN (${typeId(q.from)}, ${typeId(q.to)})),
    starts AS (
      SELECT DISTINCT ON (by_partner, entity) id, partnership_id, occurred_at, by_partner, entity
      FROM m WHERE is_a AND in_range ORDER BY by_partner, entity, occurred_at, id),
    waits AS (
      SELECT s.id, s.partnership_id,
             ((EXTRACT(EPOCH FROM min(b.occurred_at)) - EXTRACT(EPOCH FROM s.occurred_at)) * 1000)::bigint AS delta_ms
      FROM starts s LEFT JOIN m b ON NOT b.is_a AND b.by_partner = s.by_partner
        AND b.entity = s.entity AND b.occurred_at >= s.occurred_at
      GROUP BY s.id, s.partnership_id, s.occurred_at)
    SELECT id, partnership_id, delta_ms,
           COALESCE(delta_ms <= ${withinMs(q)}::bigint, FALSE) AS converted
    FROM waits`;
}

/** The drill-down's condition for a conversion's starting actions (alias `a`). */
export function pgConversionCondition(scope: TabScope, c: ConversionSelection): Prisma.Sql {
  const group =
    c.group === null
      ? Prisma.empty
      : Prisma.sql`AND a.partnership_id IN (SELECT id FROM partnerships
          WHERE program_id = ${scope.programId} AND group_id = ${c.group})`;
  return Prisma.sql`a.id IN (SELECT id FROM (${pgConversionStarts(scope, c)}) c
    WHERE c.converted = ${c.converted}) ${group}`;
}

/** A group's numbers over its starts (`c`): ranks ⌈n/2⌉ and ⌈9n/10⌉ of the sorted waits. */
const AGGREGATES = Prisma.sql`count(*) AS starts,
  count(*) FILTER (WHERE c.converted) AS converted,
  (array_agg(c.delta_ms ORDER BY c.delta_ms) FILTER (WHERE c.converted))
    [(count(*) FILTER (WHERE c.converted) + 1) / 2] AS median,
  (array_agg(c.delta_ms ORDER BY c.delta_ms) FILTER (WHERE c.converted))
    [(9 * count(*) FILTER (WHERE c.converted) + 9) / 10] AS p90`;

/**
 * Starts grouped under a breakdown of KEYED_CONVERSION_KINDS: the start's partnership (`raw`)
 * or its own property, keyed as the tab's breakdowns key them (pg-breakdown.ts).
 */
export async function pgConversionByKey(
  db: OpenDatabase,
  scope: TabScope,
  q: ConversionQuestion,
  by: Breakdown,
): Promise<KeyedConversionCounts[]> {
  const raw =
    by.kind === "property"
      ? Prisma.sql`(SELECT nullif(x.properties ->> ${by.key}, '') FROM actions x
          WHERE x.program_id = ${scope.programId} AND x.id = c.id)`
      : Prisma.sql`c.partnership_id`;
  const k = keyed(by, scope.programId);
  const rows = await db.prisma.$queryRaw<(ConversionAggregateRow & { key: string })[]>`
    SELECT c.key, ${AGGREGATES}
    FROM (SELECT ${k.key} AS key, s.converted, s.delta_ms
          FROM (SELECT c.*, ${raw} AS raw FROM (${pgConversionStarts(scope, q)}) c) s
          ${k.join}) c
    GROUP BY c.key`;
  return rows.map((r) => ({ key: r.key, ...conversionCountsOf(r) }));
}

const KEY: Record<ConversionBy, Prisma.Sql> = {
  total: Prisma.sql`0`,
  partner: Prisma.sql`c.partnership_id`,
  group: Prisma.sql`p.group_id`,
};

export async function pgConversionCounts(
  db: OpenDatabase,
  scope: TabScope,
  q: ConversionQuestion,
  by: ConversionBy,
): Promise<ConversionTotals> {
  const join =
    by === "group"
      ? Prisma.sql`JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = c.partnership_id`
      : Prisma.empty;
  // One pass for the breakdown and the total (the empty grouping set, GROUPING(key) = 1); the
  // total alone is the aggregate of every start (a constant key would read as a position).
  // Ranks are whole numbers (⌈n/2⌉, ⌈9n/10⌉) indexing the sorted waits: exact, as in JavaScript.
  const rows = await db.prisma.$queryRaw<
    {
      total: number;
      key: number | null;
      starts: bigint;
      converted: bigint;
      median: bigint | null;
      p90: bigint | null;
    }[]
  >`
    SELECT ${by === "total" ? Prisma.sql`1` : Prisma.sql`GROUPING(${KEY[by]})`} AS total,
           ${KEY[by]} AS key, ${AGGREGATES}
    FROM (${pgConversionStarts(scope, q)}) c ${join}
    ${by === "total" ? Prisma.empty : Prisma.sql`GROUP BY GROUPING SETS ((${KEY[by]}), ())`}`;
  const counts = rows.map((r) => ({
    isTotal: r.total === 1,
    key: r.total === 1 ? 0 : Number(r.key),
    ...conversionCountsOf(r),
  }));
  return splitTotal(counts, (c) => c.isTotal, by);
}
