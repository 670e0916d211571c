import { chConst, chEmpty, chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
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
import {
  actionTypesNow,
  chMatchingActions,
  chMatchingTotals,
  chOccurredWithin,
  coversAllTime,
} from "./ch-matching-actions";

// Breakdowns on ClickHouse (twin of postgres/pg-breakdown.ts): the matching actions grouped on
// what they hold (`raw`: type id, partnership id or a property's text), each group given its key
// from the few rows that name it (a tag breakdown: one row per tag of the partnership), summed
// again by key. Any time with nothing compared, the first stage reads `action_totals`.

/** What the actions are grouped on first (a missing property reads as ""). */
function rawOf(by: Breakdown): ChSql {
  if (by.kind === "type") return chsql`a.action_type_id`;
  if (by.kind === "property") return chsql`a.properties[${by.key}]`;
  return chsql`a.partnership_id`;
}

/** The program's partnerships as they are now, with what a breakdown reads of them. */
const partnerAttributes = (programId: number) => chsql`(
  SELECT id, partner_key, first_name, last_name, group_id, manager_user_id, is_marketplace, tag_ids
  FROM ${chTable("partnerships")} FINAL WHERE program_id = ${programId})`;

/** A first-stage group (`s`, its `raw`) as its key and label, with what names it joined. */
export function keyed(by: Breakdown, programId: number): { join: ChSql; key: ChSql; label: ChSql } {
  const none = NONE_KEY;
  const partner = chsql`JOIN ${partnerAttributes(programId)} AS p ON p.id = s.raw`;
  switch (by.kind) {
    case "type":
      return {
        join: chsql`JOIN ${actionTypesNow(programId)} AS t ON t.id = s.raw`,
        key: chsql`t.name`,
        label: chsql`t.name`,
      };
    case "property": {
      const key = chsql`if(s.raw = '', ${none}, s.raw)`;
      return { join: chEmpty, key, label: key };
    }
    case "group":
      return { join: partner, key: chsql`toString(p.group_id)`, label: chsql`''` };
    case "manager":
      return {
        join: partner,
        key: chsql`if(p.manager_user_id = 0, ${none}, toString(p.manager_user_id))`,
        label: chsql`''`,
      };
    case "marketplace":
      return {
        join: partner,
        key: chsql`if(p.is_marketplace = 1, 'yes', 'no')`,
        label: chsql`''`,
      };
    case "partner":
      return {
        join: partner,
        key: chsql`p.partner_key`,
        label: chsql`concat(p.first_name, ' ', p.last_name)`,
      };
    case "tag":
      return {
        join: partner,
        key: chsql`arrayJoin(if(empty(p.tag_ids), [${none}], arrayMap(x -> toString(x), p.tag_ids)))`,
        label: chsql`''`,
      };
  }
}

/** A key's label as the rows sort by it: the listed labels, else the one the rows carry. */
function labelOf(labels: KeyLabels): ChSql {
  if (!labels.length) return chsql`g.label`;
  return chsql`transform(g.key, ${labels.map(([k]) => k)}, ${labels.map(([, l]) => l)}, '')`;
}

const SORT: Record<TableState["sort"], string> = {
  name: "label",
  email: "label",
  type: "label",
  value: "label",
  occurrences: "occurrences",
  rewards: "reward_cents",
  previous_occurrences: "previous_occurrences",
  occurrences_change: "occurrences_change",
  previous_rewards: "previous_reward_cents",
  rewards_change: "rewards_change",
};

/** The first stage of the table: per `raw`, the numbers of both periods (one scan). */
function firstStage(scope: TabScope, by: Breakdown): ChSql {
  if (coversAllTime(scope) && by.kind !== "property") {
    const { from, where } = chMatchingTotals(scope);
    return chsql`
      SELECT ${rawOf(by)} AS raw, toInt64(sum(a.occurrences)) AS occurrences,
             toInt64(sum(a.reward_cents)) AS reward_cents, toInt64(0) AS previous_occurrences,
             toInt64(0) AS previous_reward_cents
      FROM ${from} WHERE ${where} GROUP BY raw`;
  }
  const previous = scope.previous;
  const { from, where } = chMatchingActions(
    scope,
    previous ? spanOf(scope.range, previous) : scope.range,
  );
  const now = previous ? chOccurredWithin(scope.range) : chsql`1`;
  const then = previous ? chOccurredWithin(previous) : chsql`0`;
  return chsql`
    SELECT ${rawOf(by)} AS raw, toInt64(countIf(${now})) AS occurrences,
           toInt64(sumIf(a.reward_cents, ${now})) AS reward_cents,
           toInt64(countIf(${then})) AS previous_occurrences,
           toInt64(sumIf(a.reward_cents, ${then})) AS previous_reward_cents
    FROM ${from} WHERE ${where} ${previous ? chsql`AND ((${now}) OR (${then}))` : chEmpty}
    GROUP BY raw`;
}

export async function chBreakdownRows(
  ch: ClickHouse,
  scope: TabScope,
  by: Breakdown,
  labels: KeyLabels,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  const k = keyed(by, scope.programId);
  const dir = chConst(table.dir === "asc" ? "ASC" : "DESC");
  const paging = limit === null ? chEmpty : chsql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const rows = await ch.query<Record<string, number | string>>(chsql`
    SELECT key, label, occurrences, reward_cents AS rewardCents,
           previous_occurrences AS previousOccurrences,
           previous_reward_cents AS previousRewardCents, totalRows
    FROM (
      SELECT g.key AS key, ${labelOf(labels)} AS label, g.occurrences AS occurrences,
             g.reward_cents AS reward_cents, g.previous_occurrences AS previous_occurrences,
             g.previous_reward_cents AS previous_reward_cents,
             g.occurrences - g.previous_occurrences AS occurrences_change,
             g.reward_cents - g.previous_reward_cents AS rewards_change,
             count() OVER () AS totalRows
      FROM (
        SELECT key, any(label) AS label, sum(occurrences) AS occurrences,
               sum(reward_cents) AS reward_cents, sum(previous_occurrences) AS previous_occurrences,
               sum(previous_reward_cents) AS previous_reward_cents
        FROM (SELECT ${k.key} AS key, ${k.label} AS label, s.occurrences AS occurrences,
                     s.reward_cents AS reward_cents, s.previous_occurrences AS previous_occurrences,
                     s.previous_reward_cents AS previous_reward_cents
              FROM (${firstStage(scope, by)}) AS s ${k.join})
        GROUP BY key HAVING occurrences > 0) AS g)
    ORDER BY ${chConst(SORT[table.sort])} ${dir}, key ASC
    ${paging}`);
  let totalRows = rows.length ? Number(rows[0].totalRows) : 0;
  if (!rows.length && page > 1) {
    totalRows = (await chBreakdownRows(ch, scope, by, labels, table, 1, null)).totalRows;
  }
  return { rows: rows.map(toBreakdownRow(scope.previous !== null)), totalRows };
}

/**
 * A partnership attribute of one value each (group, manager, marketplace flag) as a key of the
 * action (`a`), looked up before grouping: `transform` over the program's partnerships read once
 * (ids and values from one aggregate, so they stay aligned). Grouping the year's actions by day ×
 * partnership first made millions of groups (BENCHMARKS.md, "Breakdowns").
 */
function attributeKey(by: Breakdown, programId: number): ChSql | null {
  const column = { group: "group_id", manager: "manager_user_id", marketplace: "is_marketplace" }[
    by.kind as "group" | "manager" | "marketplace"
  ];
  if (!column) return null;
  const attribute = chsql`transform(a.partnership_id, m.1, m.2, 0)`;
  const lookup = chsql`(SELECT (groupArray(id), groupArray(toUInt32(${chConst(column)})))
    FROM ${chTable("partnerships")} FINAL WHERE program_id = ${programId})`;
  const key =
    by.kind === "group"
      ? chsql`toString(${attribute})`
      : by.kind === "manager"
        ? chsql`if(${attribute} = 0, ${NONE_KEY}, toString(${attribute}))`
        : chsql`if(${attribute} = 1, 'yes', 'no')`;
  return chsql`WITH ${lookup} AS m SELECT ${key}`;
}

export async function chBreakdownDaily(
  ch: ClickHouse,
  scope: TabScope,
  by: Breakdown,
  keep: string[] | null,
): Promise<BreakdownCount[]> {
  const { from, where } = chMatchingActions(scope);
  const k = keyed(by, scope.programId);
  const looked = attributeKey(by, scope.programId);
  // An empty list would bind as Array(Int64): nothing kept is every key in "other".
  const kept =
    keep === null
      ? chsql`key`
      : keep.length === 0
        ? chsql`${OTHER_KEY}`
        : chsql`if(has(${keep}, key), key, ${OTHER_KEY})`;
  const perAction = looked
    ? chsql`${looked} AS key, toString(toDate32(a.occurred_at, ${scope.timezone})) AS day,
        toUInt64(1) AS occurrences
        FROM ${from} WHERE ${where}`
    : chsql`SELECT s.day AS day, ${k.key} AS key, s.occurrences AS occurrences
      FROM (
        SELECT toString(toDate32(a.occurred_at, ${scope.timezone})) AS day, ${rawOf(by)} AS raw,
               count() AS occurrences
        FROM ${from} WHERE ${where}
        GROUP BY day, raw) AS s ${k.join}`;
  const rows = await ch.query<{ day: string; key: string; occurrences: number | string }>(chsql`
    SELECT day, ${kept} AS series, sum(occurrences) AS occurrences
    FROM (${perAction})
    GROUP BY day, series
    SETTINGS enable_extended_results_for_datetime_functions = 1`);
  return rows.map((r) => ({
    day: r.day,
    key: (r as unknown as { series: string }).series,
    occurrences: Number(r.occurrences),
  }));
}

/** A breakdown row's actions (`a`): the twin of the PostgreSQL one. */
export function chBreakdownCondition(scope: TabScope, s: Selection): ChSql | null {
  const selection = selectedBreakdown(s);
  if (!selection) return null;
  const { by, key } = selection;
  const none = key === NONE_KEY;
  const partners = (condition: ChSql) => chsql`a.partnership_id IN (
    SELECT id FROM ${chTable("partnerships")} FINAL
    WHERE program_id = ${scope.programId} AND ${condition})`;
  switch (by.kind) {
    case "type":
      return chsql`a.action_type_id IN (SELECT id FROM ${chTable("action_types")} FINAL
        WHERE program_id = ${scope.programId} AND name = ${key})`;
    case "property":
      return chsql`a.properties[${by.key}] = ${none ? "" : key}`;
    case "group":
      return partners(chsql`toString(group_id) = ${key}`);
    case "manager":
      return partners(
        none ? chsql`manager_user_id = 0` : chsql`toString(manager_user_id) = ${key}`,
      );
    case "marketplace":
      return partners(chsql`is_marketplace = ${key === "yes" ? 1 : 0}`);
    case "partner":
      return partners(chsql`partner_key = ${key}`);
    case "tag":
      return partners(
        none ? chsql`empty(tag_ids)` : chsql`has(arrayMap(x -> toString(x), tag_ids), ${key})`,
      );
  }
}
