import { chConst, chEmpty, chjoin, chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import type { DrillCursor, DrillOrder, DrillRow, Selection } from "../engine";
import type { TabScope } from "../scope";
import { selectedConversion } from "../conversion/conversion";
import { actionTypesNow, chMatchingActions, ms, partnershipsNow } from "./ch-matching-actions";
import { chConversionCondition } from "./ch-conversion";
import { chBreakdownCondition } from "./ch-breakdown";

export function drillSelection(scope: TabScope, s: Selection): ChSql {
  const parts: ChSql[] = [];
  if (s.partner !== null) {
    parts.push(chsql`a.partnership_id IN (SELECT id FROM ${chTable("partnerships")} FINAL
      WHERE program_id = ${scope.programId} AND partner_key = ${s.partner})`);
  }
  if (s.type !== null) {
    parts.push(chsql`a.action_type_id IN (SELECT id FROM ${chTable("action_types")} FINAL
      WHERE program_id = ${scope.programId} AND name = ${s.type})`);
  }
  if (s.value !== null) parts.push(chsql`a.value = ${s.value}`);
  const conversion = selectedConversion(s);
  if (conversion) parts.push(chConversionCondition(scope, conversion));
  const breakdown = chBreakdownCondition(scope, s);
  if (breakdown) parts.push(breakdown);
  return parts.length ? chsql`AND ${chjoin(parts, " AND ")}` : chEmpty;
}

type Raw = Omit<
  DrillRow,
  "occurredAt" | "createdAt" | "rewardOutcome" | "actionValue" | "rewardCents"
> & {
  occurredAt: number | string;
  createdAt: number | string;
  actionValue: number | string;
  rewardCents: number | string;
  rewardOutcome: string;
};

// Newest first (the default order) runs against the table's order, and FINAL reads in key order only forwards: with
// no lower bound on occurred_at, every page would read and sort all matching actions (~300 ms at
// 10M actions). So a page is first looked for among the `size` newest actions after the cursor — a
// bound found by a key-only backwards scan without FINAL (~10 ms) — and the window widens while it
// holds fewer than `limit` matches. The result is exact whatever the window: FINAL decides within
// it, and a window holding `limit` matching actions holds the newest `limit` of them.
const WINDOWS = [16, 1024];

const SORT_COLUMN = { time: "occurred_at", value: "value", reward: "reward_cents" } as const;

/** ORDER BY of a drill-down order over alias `alias` (`"a."`, `"m."` or `""`), ties by id. */
export function chDrillOrderBy(alias: string, order: DrillOrder): ChSql {
  const dir = order.dir === "asc" ? "ASC" : "DESC";
  return chConst(`ORDER BY ${alias}${SORT_COLUMN[order.sort]} ${dir}, ${alias}id ${dir}`);
}

/**
 * The rows after (`strictly`) or from a cursor in an order. By time, a plain occurred_at bound too:
 * it lets the primary key skip what the tuple comparison excludes.
 */
export function chFromCursor(
  alias: string,
  order: DrillOrder,
  cursor: DrillCursor,
  strictly = true,
): ChSql {
  const asc = order.dir === "asc";
  const op = chConst(`${asc ? ">" : "<"}${strictly ? "" : "="}`);
  const column = chConst(`${alias}${SORT_COLUMN[order.sort]}`);
  const id = chConst(`${alias}id`);
  if (order.sort !== "time")
    return chsql`(${column}, ${id}) ${op} (${cursor.value}, toUInt64(${cursor.id}))`;
  return chsql`${column} ${chConst(asc ? ">=" : "<=")} ${ms(cursor.value)}
    AND (${column}, ${id}) ${op} (${ms(cursor.value)}, toUInt64(${cursor.id}))`;
}

const NEWEST: DrillOrder = { sort: "time", dir: "desc" };

function windowStart(scope: TabScope, cursor: DrillCursor | null, size: number): ChSql {
  const w: ChSql[] = [chsql`program_id = ${scope.programId}`];
  if (scope.range.start !== null) w.push(chsql`occurred_at >= ${ms(scope.range.start)}`);
  if (scope.range.end !== null) w.push(chsql`occurred_at < ${ms(scope.range.end)}`);
  if (cursor) w.push(chFromCursor("", NEWEST, cursor));
  return chsql`AND a.occurred_at >= (SELECT min(occurred_at) FROM (SELECT occurred_at
    FROM ${chTable("actions")} WHERE ${chjoin(w, " AND ")}
    ORDER BY occurred_at DESC, id DESC LIMIT ${size}))`;
}

export async function chDrillRows(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  order: DrillOrder,
  cursor: DrillCursor | null,
  limit: number,
): Promise<DrillRow[]> {
  const page = (bound: ChSql) => drillPage(ch, scope, selection, order, cursor, limit, bound);
  // Oldest first reads in key order; by value or reward every match is sorted (top N) anyway.
  if (order.sort !== "time" || order.dir !== "desc") return page(chEmpty);
  for (const k of WINDOWS) {
    const rows = await page(windowStart(scope, cursor, k * limit));
    if (rows.length >= limit) return rows;
  }
  return page(chEmpty);
}

async function drillPage(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  order: DrillOrder,
  cursor: DrillCursor | null,
  limit: number,
  bound: ChSql,
): Promise<DrillRow[]> {
  const { from, where } = chMatchingActions(scope);
  const after = cursor ? chsql`AND ${chFromCursor("a.", order, cursor)}` : chEmpty;
  // The page first (read in key order), then labels for just its rows.
  const rows = await ch.query<Raw>(chsql`
    WITH page AS (
      SELECT a.id AS id, a.key AS key, a.occurred_at AS occurred_at, a.created_at AS created_at,
             a.partnership_id AS partnership_id, a.customer_id AS customer_id,
             a.action_type_id AS action_type_id, a.value AS value, a.reward_cents AS reward_cents,
             a.reward_outcome AS reward_outcome, a.properties AS properties
      FROM ${from} WHERE ${where} ${drillSelection(scope, selection)} ${after} ${bound}
      ${chDrillOrderBy("a.", order)} LIMIT ${limit})
    SELECT toString(page.id) AS id, page.key AS key,
           toUnixTimestamp64Milli(page.occurred_at) AS occurredAt,
           toUnixTimestamp64Milli(page.created_at) AS createdAt,
           p.partner_key AS partnerKey, concat(p.first_name, ' ', p.last_name) AS partnerName,
           p.email AS partnerEmail,
           c.email AS customerEmail, t.name AS actionType, page.value AS actionValue,
           page.reward_cents AS rewardCents, page.reward_outcome AS rewardOutcome,
           page.properties AS properties
    FROM page
    JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = page.partnership_id
    JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = page.action_type_id
    LEFT JOIN (SELECT id, email FROM ${chTable("customers")} FINAL
      WHERE program_id = ${scope.programId}
        AND id IN (SELECT customer_id FROM page WHERE customer_id != 0)) AS c
      ON c.id = page.customer_id
    ${chDrillOrderBy("page.", order)}`);
  return rows.map((r) => ({
    ...r,
    occurredAt: new Date(Number(r.occurredAt)),
    createdAt: new Date(Number(r.createdAt)),
    actionValue: Number(r.actionValue),
    rewardCents: Number(r.rewardCents),
    rewardOutcome: JSON.parse(r.rewardOutcome),
  }));
}

export async function chDrillTotal(ch: ClickHouse, scope: TabScope, selection: Selection) {
  const { from, where } = chMatchingActions(scope);
  const [row] = await ch.query<{ n: number | string }>(chsql`
    SELECT count() AS n FROM ${from} WHERE ${where} ${drillSelection(scope, selection)}`);
  return Number(row.n);
}
