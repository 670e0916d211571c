import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import { NONE_KEY, type Breakdown } from "../breakdown/breakdown";
import {
  OTHER_KEY,
  selectedBreakdown,
  toBreakdownRow,
  type BreakdownCount,
  type KeyLabels,
  type Selection,
} from "../engine";
import type { TabScope } from "../scope";
import { spanOf } from "../timeframe/span";
import type { TableState } from "../url/search-params";
import { matchingActions, occurredWithin } from "./matching-actions";

// Breakdowns on PostgreSQL (twin of clickhouse/ch-breakdown.ts). The matching actions are grouped
// first on what they hold (`raw`: the type id, the partnership id, or a property's text), then
// each group is given its key (breakdown/breakdown.ts) from the few rows that name it — a tag
// breakdown turns one partnership into a row per tag — and summed again by key.

/** What the actions are grouped on first. */
function rawOf(by: Breakdown): Prisma.Sql {
  if (by.kind === "type") return Prisma.sql`a.action_type_id`;
  // An empty text is no value (ClickHouse's map reads a missing key as "").
  if (by.kind === "property") return Prisma.sql`nullif(a.properties ->> ${by.key}, '')`;
  return Prisma.sql`a.partnership_id`;
}

/** A first-stage group (`s`, its `raw`) as its key and label, with what names it joined. */
export function keyed(by: Breakdown, programId: number) {
  const none = NONE_KEY;
  const partner = Prisma.sql`JOIN partnerships p ON p.program_id = ${programId} AND p.id = s.raw`;
  switch (by.kind) {
    case "type":
      return {
        join: Prisma.sql`JOIN action_types t ON t.program_id = ${programId} AND t.id = s.raw`,
        key: Prisma.sql`t.name`,
        label: Prisma.sql`t.name`,
      };
    case "property":
      return { join: Prisma.empty, key: Prisma.sql`coalesce(s.raw, ${none})`, label: null };
    case "group":
      return { join: partner, key: Prisma.sql`p.group_id::text`, label: null };
    case "manager":
      return {
        join: partner,
        key: Prisma.sql`coalesce(p.manager_user_id::text, ${none})`,
        label: null,
      };
    case "marketplace":
      return {
        join: partner,
        key: Prisma.sql`CASE WHEN p.is_marketplace THEN 'yes' ELSE 'no' END`,
        label: null,
      };
    case "partner":
      return {
        join: partner,
        key: Prisma.sql`p.partner_key`,
        label: Prisma.sql`p.first_name || ' ' || p.last_name`,
      };
    case "tag":
      return {
        join: Prisma.sql`LEFT JOIN partnership_tags pt ON pt.program_id = ${programId}
          AND pt.partnership_id = s.raw`,
        key: Prisma.sql`coalesce(pt.tag_id::text, ${none})`,
        label: null,
      };
  }
}

/** A key's label as the rows sort by it: the listed labels, else the key itself. */
function labelOf(labels: KeyLabels, fallback: Prisma.Sql): Prisma.Sql {
  if (!labels.length) return fallback;
  return Prisma.sql`coalesce((${labels.map(([, l]) => l)}::text[])[array_position(
    ${labels.map(([k]) => k)}::text[], g.key)], '')`;
}

const SORT_SQL: Record<TableState["sort"], Prisma.Sql> = {
  name: Prisma.sql`label COLLATE "C"`,
  email: Prisma.sql`label COLLATE "C"`,
  type: Prisma.sql`label COLLATE "C"`,
  value: Prisma.sql`label COLLATE "C"`,
  occurrences: Prisma.sql`"occurrences"`,
  rewards: Prisma.sql`"rewardCents"`,
  previous_occurrences: Prisma.sql`"previousOccurrences"`,
  occurrences_change: Prisma.sql`("occurrences" - "previousOccurrences")`,
  previous_rewards: Prisma.sql`"previousRewardCents"`,
  rewards_change: Prisma.sql`("rewardCents" - "previousRewardCents")`,
};

/** The first stage of the table: per `raw`, the numbers of both periods (one scan). */
function firstStage(scope: TabScope, by: Breakdown) {
  const previous = scope.previous;
  const { from, where } = matchingActions(
    scope,
    previous ? spanOf(scope.range, previous) : scope.range,
  );
  const now = previous ? occurredWithin(scope.range) : Prisma.sql`TRUE`;
  const then = previous ? occurredWithin(previous) : Prisma.sql`FALSE`;
  return Prisma.sql`
    SELECT ${rawOf(by)} AS raw, count(*) FILTER (WHERE ${now}) AS occurrences,
           coalesce(sum(a.reward_cents) FILTER (WHERE ${now}), 0) AS reward_cents,
           count(*) FILTER (WHERE ${then}) AS previous_occurrences,
           coalesce(sum(a.reward_cents) FILTER (WHERE ${then}), 0) AS previous_reward_cents
    FROM ${from} WHERE ${where} ${previous ? Prisma.sql`AND ((${now}) OR (${then}))` : Prisma.empty}
    GROUP BY 1`;
}

export async function pgBreakdownRows(
  db: OpenDatabase,
  scope: TabScope,
  by: Breakdown,
  labels: KeyLabels,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  const k = keyed(by, scope.programId);
  const dir = table.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const paging =
    limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const rows = await db.prisma.$queryRaw<Record<string, bigint | number | string | null>[]>`
    WITH s AS (${firstStage(scope, by)}),
    g AS (
      SELECT key, min(label) AS label, sum(occurrences) AS occurrences,
             sum(reward_cents) AS reward_cents, sum(previous_occurrences) AS previous_occurrences,
             sum(previous_reward_cents) AS previous_reward_cents
      FROM (SELECT ${k.key} AS key, ${k.label ?? k.key} AS label, s.occurrences, s.reward_cents,
                   s.previous_occurrences, s.previous_reward_cents
            FROM s ${k.join}) x
      GROUP BY key HAVING sum(occurrences) > 0)
    SELECT * FROM (
      SELECT g.key AS key, ${labelOf(labels, Prisma.sql`g.label`)} AS label,
             g.occurrences AS "occurrences", g.reward_cents AS "rewardCents",
             g.previous_occurrences AS "previousOccurrences",
             g.previous_reward_cents AS "previousRewardCents", count(*) OVER () AS "totalRows"
      FROM g) r
    ORDER BY ${SORT_SQL[table.sort]} ${dir}, key COLLATE "C" ASC
    ${paging}`;
  let totalRows = rows.length ? Number(rows[0].totalRows) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: the rows counted without a page.
    totalRows = (await pgBreakdownRows(db, scope, by, labels, table, 1, null)).totalRows;
  }
  return { rows: rows.map(toBreakdownRow(scope.previous !== null)), totalRows };
}

export async function pgBreakdownDaily(
  db: OpenDatabase,
  scope: TabScope,
  by: Breakdown,
  keep: string[] | null,
): Promise<BreakdownCount[]> {
  const { from, where } = matchingActions(scope);
  const k = keyed(by, scope.programId);
  const kept =
    keep === null
      ? Prisma.sql`x.key`
      : Prisma.sql`CASE WHEN x.key = ANY(${keep}::text[]) THEN x.key ELSE ${OTHER_KEY} END`;
  const rows = await db.prisma.$queryRaw<{ day: string; key: string; occurrences: bigint }[]>`
    WITH s AS (
      SELECT to_char(a.occurred_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM-DD') AS day,
             ${rawOf(by)} AS raw, count(*) AS occurrences
      FROM ${from} WHERE ${where}
      GROUP BY 1, 2)
    SELECT x.day, ${kept} AS key, sum(x.occurrences) AS occurrences
    FROM (SELECT s.day, ${k.key} AS key, s.occurrences FROM s ${k.join}) x
    GROUP BY 1, 2`;
  return rows.map((r) => ({ ...r, occurrences: Number(r.occurrences) }));
}

/** A breakdown row's actions (`a`, with its partnership `p`): the twin of the ClickHouse one. */
export function pgBreakdownCondition(scope: TabScope, s: Selection): Prisma.Sql | null {
  const selection = selectedBreakdown(s);
  if (!selection) return null;
  const { by, key } = selection;
  const none = key === NONE_KEY;
  switch (by.kind) {
    case "type":
      return Prisma.sql`a.action_type_id = (SELECT id FROM action_types
        WHERE program_id = ${scope.programId} AND name = ${key})`;
    case "property":
      return none
        ? Prisma.sql`nullif(a.properties ->> ${by.key}, '') IS NULL`
        : Prisma.sql`a.properties ->> ${by.key} = ${key}`;
    case "group":
      return Prisma.sql`p.group_id::text = ${key}`;
    case "manager":
      return none
        ? Prisma.sql`p.manager_user_id IS NULL`
        : Prisma.sql`p.manager_user_id::text = ${key}`;
    case "marketplace":
      return Prisma.sql`p.is_marketplace = ${key === "yes"}`;
    case "partner":
      return Prisma.sql`p.partner_key = ${key}`;
    case "tag": {
      const tags = Prisma.sql`SELECT 1 FROM partnership_tags x WHERE x.program_id = p.program_id
        AND x.partnership_id = p.id`;
      return none
        ? Prisma.sql`NOT EXISTS (${tags})`
        : Prisma.sql`EXISTS (${tags} AND x.tag_id::text = ${key})`;
    }
  }
}
