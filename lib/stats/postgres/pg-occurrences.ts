import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import type { TableState } from "../url/search-params";
import { toOccurrenceRow } from "../engine";
import type { TabScope } from "../scope";
import { spanOf } from "../timeframe/span";
import { matchingActions, occurredWithin } from "./matching-actions";

// Text sorts byte by byte (COLLATE "C"), whatever the database's collation: the same order as
// ClickHouse, so both engines page the table identically.
const SORT_SQL: Record<TableState["sort"], Prisma.Sql> = {
  name: Prisma.sql`(p.first_name || ' ' || p.last_name) COLLATE "C"`,
  email: Prisma.sql`p.email COLLATE "C"`,
  type: Prisma.sql`t.name COLLATE "C"`,
  value: Prisma.sql`g.value`,
  occurrences: Prisma.sql`g.occurrences`,
  rewards: Prisma.sql`g.reward_cents`,
  previous_occurrences: Prisma.sql`g.previous_occurrences`,
  occurrences_change: Prisma.sql`(g.occurrences - g.previous_occurrences)`,
  previous_rewards: Prisma.sql`g.previous_reward_cents`,
  rewards_change: Prisma.sql`(g.reward_cents - g.previous_reward_cents)`,
};

type RawRow = Parameters<ReturnType<typeof toOccurrenceRow>>[0];

const LABELLED = Prisma.sql`
  SELECT p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS "partnerName",
         p.email AS "partnerEmail", t.name AS "actionType", g.value AS "actionValue",
         g.occurrences AS "occurrences", g.reward_cents AS "rewardCents",
         g.previous_occurrences AS "previousOccurrences",
         g.previous_reward_cents AS "previousRewardCents"`;

/**
 * The table's rows grouped on ids: partnership × type × value with the occurrences and rewards
 * of the timeframe and, when a period is compared, of that period (else 0) — one scan over both
 * periods (they may overlap: a year compared with the year before a two-year span). A row is a
 * row of the timeframe: one with actions in the compared period only is not listed.
 */
export function groupedOccurrences(scope: TabScope): Prisma.Sql {
  const previous = scope.previous;
  if (!previous) {
    const { from, where } = matchingActions(scope);
    return Prisma.sql`
      SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS occurrences,
             sum(a.reward_cents) AS reward_cents, 0::bigint AS previous_occurrences,
             0::bigint AS previous_reward_cents
      FROM ${from} WHERE ${where}
      GROUP BY a.partnership_id, a.action_type_id, a.value`;
  }
  const { from, where } = matchingActions(scope, spanOf(scope.range, previous));
  const now = occurredWithin(scope.range);
  const then = occurredWithin(previous);
  return Prisma.sql`
    SELECT a.partnership_id, a.action_type_id, a.value,
           count(*) FILTER (WHERE ${now}) AS occurrences,
           coalesce(sum(a.reward_cents) FILTER (WHERE ${now}), 0) AS reward_cents,
           count(*) FILTER (WHERE ${then}) AS previous_occurrences,
           coalesce(sum(a.reward_cents) FILTER (WHERE ${then}), 0) AS previous_reward_cents
    FROM ${from} WHERE ${where} AND ((${now}) OR (${then}))
    GROUP BY a.partnership_id, a.action_type_id, a.value
    HAVING count(*) FILTER (WHERE ${now}) > 0`;
}

/**
 * The occurrences table as one statement: grouped on ids first and labelled after (names are read
 * once per row, not per action), in the screen's order — the asked sort, then partner key, type
 * and value. `select` names the columns; the page and the CSV export differ only in that and
 * `tail`.
 */
export function orderedOccurrences(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  select: Prisma.Sql,
  tail: Prisma.Sql = Prisma.empty,
) {
  const dir = table.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.sql`
    WITH g AS (${groupedOccurrences(scope)})
    ${select}
    FROM g
    JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = g.partnership_id
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = g.action_type_id
    ORDER BY ${SORT_SQL[table.sort]} ${dir}, p.partner_key COLLATE "C" ASC, t.name COLLATE "C" ASC,
      g.value ASC
    ${tail}`;
}

export async function pgOccurrencePage(
  db: OpenDatabase,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  const { prisma } = db;
  const paging =
    limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const rows = await prisma.$queryRaw<(RawRow & { totalRows: bigint })[]>(
    orderedOccurrences(
      scope,
      table,
      Prisma.sql`${LABELLED}, count(*) OVER () AS "totalRows"`,
      paging,
    ),
  );
  let totalRows = rows.length ? Number(rows[0].totalRows) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: count without fetching, so the page can say how many pages exist.
    const { from, where } = matchingActions(scope);
    const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (
      SELECT 1 FROM ${from} WHERE ${where} GROUP BY a.partnership_id, a.action_type_id, a.value) x`;
    totalRows = Number(n);
  }
  return { rows: rows.map(toOccurrenceRow(scope.previous !== null)), totalRows };
}
