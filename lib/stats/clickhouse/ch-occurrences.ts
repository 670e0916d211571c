import { chConst, chEmpty, chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import type { TableState } from "../url/search-params";
import { toOccurrenceRow } from "../engine";
import type { TabScope } from "../scope";
import { spanOf } from "../timeframe/span";
import {
  actionTypesNow,
  chMatchingActions,
  chMatchingTotals,
  chOccurredWithin,
  coversAllTime,
  partnershipsNow,
} from "./ch-matching-actions";

type RawRow = Parameters<ReturnType<typeof toOccurrenceRow>>[0];

/** The compared period's columns and the changes, from a group's four numbers (Int64). */
const CHANGES = chConst(`toInt64(occurrences) - toInt64(previous_occurrences) AS occurrences_change,
  toInt64(reward_cents) - toInt64(previous_reward_cents) AS rewards_change`);

/**
 * The scope's matching actions grouped into the table's rows: partnership × type × value, with the
 * compared period's numbers (0 when none) and the changes — one scan over both periods, a row
 * being a row of the timeframe (twin of postgres groupedOccurrences). Any time (nothing to
 * compare), they are already summed in `action_totals` (millions of actions → their groups).
 */
function groupedActions(scope: TabScope) {
  if (coversAllTime(scope)) {
    const { from, where } = chMatchingTotals(scope);
    return chsql`
      SELECT partnership_id, action_type_id, value, occurrences, reward_cents,
             previous_occurrences, previous_reward_cents, ${CHANGES}
      FROM (
        SELECT a.partnership_id AS partnership_id, a.action_type_id AS action_type_id,
               a.value AS value, toInt64(a.occurrences) AS occurrences,
               toInt64(a.reward_cents) AS reward_cents, toInt64(0) AS previous_occurrences,
               toInt64(0) AS previous_reward_cents
        FROM ${from} WHERE ${where})`;
  }
  const previous = scope.previous;
  const { from, where } = chMatchingActions(
    scope,
    previous ? spanOf(scope.range, previous) : scope.range,
  );
  // Without a compared period the WHERE holds the timeframe alone: nothing to tell apart.
  const now = previous ? chOccurredWithin(scope.range) : chsql`1`;
  const then = previous ? chOccurredWithin(previous) : chsql`0`;
  return chsql`
    SELECT partnership_id, action_type_id, value, occurrences, reward_cents,
           previous_occurrences, previous_reward_cents, ${CHANGES}
    FROM (
      SELECT a.partnership_id AS partnership_id, a.action_type_id AS action_type_id,
             a.value AS value, toInt64(countIf(${now})) AS occurrences,
             toInt64(sumIf(a.reward_cents, ${now})) AS reward_cents,
             toInt64(countIf(${then})) AS previous_occurrences,
             toInt64(sumIf(a.reward_cents, ${then})) AS previous_reward_cents
      FROM ${from} WHERE ${where} ${previous ? chsql`AND ((${now}) OR (${then}))` : chEmpty}
      GROUP BY partnership_id, action_type_id, value
      HAVING occurrences > 0)`;
}

/**
 * The program's partnerships as they are now, by their place in each text order as integers: a
 * page sorts millions of groups on these instead of on the text. Ranks
 * compare as the text does (ClickHouse orders strings byte by byte, as the PostgreSQL twin's
 * COLLATE "C"); equal names share a rank; partner keys are unique in a program.
 */
const rankedPartnerships = (programId: number) => chsql`(
  SELECT id, dense_rank() OVER (ORDER BY concat(first_name, ' ', last_name)) AS name_rank,
         dense_rank() OVER (ORDER BY email) AS email_rank,
         row_number() OVER (ORDER BY partner_key) AS key_rank
  FROM ${chTable("partnerships")} FINAL WHERE program_id = ${programId})`;

/** The program's action types by their place in name order (names are unique in a program). */
const rankedActionTypes = (programId: number) => chsql`(
  SELECT id, row_number() OVER (ORDER BY name) AS type_rank
  FROM ${chTable("action_types")} FINAL WHERE program_id = ${programId})`;

/** The row `r`'s partnership (`p`) and type (`t`) as they are now, for their labels. */
const labelJoins = (programId: number) => chsql`
  JOIN ${partnershipsNow(programId)} AS p ON p.id = r.partnership_id
  JOIN ${actionTypesNow(programId)} AS t ON t.id = r.action_type_id`;

/** Each sort as an integer of the grouped row (`g`), its partnership (`p`) or its type (`t`). */
const SORT_RANK: Record<TableState["sort"], string> = {
  name: "p.name_rank",
  email: "p.email_rank",
  type: "t.type_rank",
  value: "g.value",
  occurrences: "g.occurrences",
  rewards: "g.reward_cents",
  previous_occurrences: "g.previous_occurrences",
  occurrences_change: "g.occurrences_change",
  previous_rewards: "g.previous_reward_cents",
  rewards_change: "g.rewards_change",
};

/**
 * The grouped rows of a scope in the table's order — the sort asked for, then partner key, type
 * name and value — sorted on integers: each row carries its sort rank, key rank and type rank
 * (`sort_rank`, `key_rank`, `type_rank`); `cut` is the page's LIMIT.
 */
function rankedGroups(scope: TabScope, table: Pick<TableState, "sort" | "dir">, cut: ChSql) {
  const dir = table.dir === "asc" ? "ASC" : "DESC";
  return chsql`
    SELECT g.partnership_id AS partnership_id, g.action_type_id AS action_type_id,
           g.value AS value, g.occurrences AS occurrences, g.reward_cents AS reward_cents,
           g.previous_occurrences AS previous_occurrences,
           g.previous_reward_cents AS previous_reward_cents,
           ${chConst(SORT_RANK[table.sort])} AS sort_rank, p.key_rank AS key_rank,
           t.type_rank AS type_rank
    FROM (${groupedActions(scope)}) AS g
    JOIN ${rankedPartnerships(scope.programId)} AS p ON p.id = g.partnership_id
    JOIN ${rankedActionTypes(scope.programId)} AS t ON t.id = g.action_type_id
    ORDER BY sort_rank ${chConst(dir)}, key_rank ASC, type_rank ASC, value ASC ${cut}`;
}

/**
 * A text-sorted page: the ranked groups cut by the page's LIMIT, then joined to their
 * partnership's and type's labels (`LABELLED`), in the table's order.
 */
function rankedPage(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number,
) {
  const dir = chConst(table.dir === "asc" ? "ASC" : "DESC");
  const cut = chsql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  return chsql`
    SELECT ${LABELLED}
    FROM (${rankedGroups(scope, table, cut)}) AS r
    ${labelJoins(scope.programId)}
    ORDER BY r.sort_rank ${dir}, r.key_rank ASC, r.type_rank ASC, r.value ASC
    SETTINGS exact_rows_before_limit = 1`;
}

/** Each sort on the labelled row: the partnership (`p`), the type (`t`), the group (`r`). */
const SORT_TEXT: Record<TableState["sort"], string> = {
  name: "concat(p.first_name, ' ', p.last_name)",
  email: "p.email",
  type: "t.name",
  value: "r.value",
  occurrences: "r.occurrences",
  rewards: "r.reward_cents",
  previous_occurrences: "r.previous_occurrences",
  occurrences_change: "r.occurrences_change",
  previous_rewards: "r.previous_reward_cents",
  rewards_change: "r.rewards_change",
};

/**
 * Every row of the table in its order (the unpaged table, the CSV): every group carries its
 * labels anyway, so one join and one sort on them (ranks would add a join and a sort). `cells`
 * picks the output columns from `p`, `t` and `r`.
 */
export function allOccurrenceRows(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  cells: ChSql,
) {
  const dir = table.dir === "asc" ? "ASC" : "DESC";
  return chsql`
    SELECT ${cells}
    FROM (${groupedActions(scope)}) AS r
    ${labelJoins(scope.programId)}
    ORDER BY ${chConst(`${SORT_TEXT[table.sort]} ${dir}`)}, p.partner_key ASC, t.name ASC,
      r.value ASC`;
}

/** A row as the table shows it. */
const LABELLED = chConst(`p.partner_key AS partnerKey,
  concat(p.first_name, ' ', p.last_name) AS partnerName, p.email AS partnerEmail,
  t.name AS actionType, r.value AS actionValue, r.occurrences AS occurrences,
  r.reward_cents AS rewardCents, r.previous_occurrences AS previousOccurrences,
  r.previous_reward_cents AS previousRewardCents`);

// Numeric sorts pick a page's candidates on the number alone, before any join: the first rows by
// it, plus every row tied with the last (WITH TIES), hold the page under the full order.
const NUMERIC_SORT: Partial<Record<TableState["sort"], string>> = {
  value: "value",
  occurrences: "occurrences",
  rewards: "reward_cents",
  previous_occurrences: "previous_occurrences",
  occurrences_change: "occurrences_change",
  previous_rewards: "previous_reward_cents",
  rewards_change: "rewards_change",
};

/**
 * A page by a numeric sort: the candidates' LIMIT is the statement's only one (so its count is
 * the table's), and the page is cut from the labelled candidates by their row number.
 */
function numericPage(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number,
) {
  const dir = chConst(table.dir === "asc" ? "ASC" : "DESC");
  const numeric = chConst(NUMERIC_SORT[table.sort]!);
  return chsql`
    SELECT partnerKey, partnerName, partnerEmail, actionType, actionValue, occurrences, rewardCents,
           previousOccurrences, previousRewardCents
    FROM (
      SELECT ${LABELLED}, row_number() OVER (ORDER BY r.${numeric} ${dir}, p.partner_key ASC,
               t.name ASC, r.value ASC) AS n
      FROM (SELECT * FROM (${groupedActions(scope)})
            ORDER BY ${numeric} ${dir} LIMIT ${page * limit} WITH TIES) AS r
      ${labelJoins(scope.programId)})
    WHERE n > ${(page - 1) * limit} AND n <= ${page * limit}
    ORDER BY n
    SETTINGS exact_rows_before_limit = 1`;
}

/**
 * One page of the table (`limit: null`: every row). The statement has a single LIMIT, and
 * ClickHouse counts the rows it saw (`exact_rows_before_limit`): that is the table's row count,
 * with no second grouping and no window over millions of rows, and a page past the end still
 * learns how many rows there are. Text sorts cut the page on the ranked groups, before any text
 * is joined; numeric sorts on the number (above).
 */
export async function chOccurrencePage(
  ch: ClickHouse,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  if (limit === null) {
    const rows = await ch.query<RawRow>(allOccurrenceRows(scope, table, LABELLED));
    return { rows: rows.map(toOccurrenceRow(scope.previous !== null)), totalRows: rows.length };
  }
  const statement = NUMERIC_SORT[table.sort]
    ? numericPage(scope, table, page, limit)
    : rankedPage(scope, table, page, limit);
  const { rows, rowsBeforeLimit } = await ch.queryCounted<RawRow>(statement);
  return { rows: rows.map(toOccurrenceRow(scope.previous !== null)), totalRows: rowsBeforeLimit };
}
