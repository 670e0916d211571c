import { chConst, chEmpty, chsql, chTable } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import type { TableState } from "../url/search-params";
import type { DrillOrder, Selection } from "../engine";
import type { TabScope } from "../scope";
import { CH_CELLS, type ChCells } from "./ch-csv-cells";
import { chDrillOrderBy, chFromCursor, drillSelection } from "./ch-drill-down";
import { actionTypesNow, chMatchingActions, partnershipsNow } from "./ch-matching-actions";
import { allOccurrenceRows } from "./ch-occurrences";

/** The whole occurrences table in the screen's order (as `chOccurrencePage`), as CSV. */
export function chOccurrenceCsv(
  ch: ClickHouse,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  c: ChCells = CH_CELLS,
) {
  return ch.csv(
    allOccurrenceRows(
      scope,
      table,
      chsql`${c.text(chConst("concat(p.first_name, ' ', p.last_name)"))}, ${c.text(chConst("p.email"))},
        ${c.text(chConst("p.partner_key"))}, ${c.text(chConst("t.name"))}, r.value,
        r.occurrences, ${c.money(chConst("r.reward_cents"))}
        ${
          scope.previous
            ? chsql`, r.previous_occurrences, r.occurrences_change,
              ${c.money(chConst("r.previous_reward_cents"))}, ${c.money(chConst("r.rewards_change"))}`
            : chEmpty
        }`,
    ),
  );
}

/** The CSV cell of property-text.ts: "plan=pro; seats=5" (pairs in byte order). */
const PROPERTIES_CELL = `arrayStringConcat(arraySort(arrayMap((k, v) -> concat(k, '=', v),
  mapKeys(m.properties), mapValues(m.properties))), '; ')`;

/** Rows per statement of a drill-down CSV: ClickHouse sorts and joins a slice in memory. */
const DRILL_ROWS_PER_SLICE = 100_000;

const SORT_VALUE = {
  time: "toUnixTimestamp64Milli(a.occurred_at)",
  value: "toInt64(a.value)",
  reward: "a.reward_cents",
} as const;

/**
 * Every matching action of a selection in the screen's order (as `chDrillRows`), as CSV: one
 * statement per slice of `rowsPerSlice` actions, cut at keys found by a key-only pass, so the
 * memory a download takes does not grow with its rows (a single statement sorted and joined all
 * of them: +0.9 KB a row).
 */
export async function* chDrillCsv(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  order: DrillOrder,
  ruleNames: Map<number, string>,
  c: ChCells = CH_CELLS,
  rowsPerSlice = DRILL_ROWS_PER_SLICE,
): AsyncGenerator<Uint8Array> {
  const { from, where } = chMatchingActions(scope);
  const matching = chsql`FROM ${from} WHERE ${where} ${drillSelection(scope, selection)}`;
  const cuts = await ch.query<{ sort_value: number | string; id: string }>(chsql`
    SELECT sort_value, toString(cut_id) AS id FROM (
      SELECT ${chConst(SORT_VALUE[order.sort])} AS sort_value, a.id AS cut_id,
             row_number() OVER (${chDrillOrderBy("a.", order)}) AS n
      ${matching}) WHERE n % ${rowsPerSlice} = 0 ORDER BY n`);
  const keys = cuts.map((k) => ({ value: Number(k.sort_value), id: BigInt(k.id) }));
  const tz = scope.timezone;
  // The order reversed: slice i ends at its own key, included.
  const back: DrillOrder = { ...order, dir: order.dir === "asc" ? "desc" : "asc" };
  // Slice i holds the actions after key i-1 (excluded) up to key i (included); the last, the rest.
  for (let i = 0; i <= keys.length; i++) {
    const previous = keys[i - 1];
    const last = keys[i];
    const bounds = chsql`
      ${previous ? chsql`AND ${chFromCursor("a.", order, previous)}` : chEmpty}
      ${last ? chsql`AND ${chFromCursor("a.", back, last, false)}` : chEmpty}`;
    yield* ch.csv(chsql`
      WITH m AS (
        SELECT a.id AS id, a.key AS key, a.occurred_at AS occurred_at, a.created_at AS created_at,
               a.partnership_id AS partnership_id, a.customer_id AS customer_id,
               a.action_type_id AS action_type_id, a.value AS value,
               a.reward_cents AS reward_cents, a.reward_outcome AS reward_outcome,
               a.properties AS properties
        ${matching} ${bounds})
      SELECT ${c.iso(chConst("m.occurred_at"), tz)}, ${c.iso(chConst("m.created_at"), tz)},
             ${c.text(chConst("concat(p.first_name, ' ', p.last_name)"))}, ${c.text(chConst("p.email"))},
             ${c.text(chConst("ifNull(c.email, '')"))}, ${c.text(chConst("m.key"))},
             ${c.text(chConst("t.name"))}, m.value, ${c.money(chConst("m.reward_cents"))},
             ${c.text(c.reason(chConst("m.reward_outcome"), ruleNames))},
             ${c.text(chConst(PROPERTIES_CELL))}
      FROM m
      JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = m.partnership_id
      JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = m.action_type_id
      LEFT JOIN (SELECT id, email FROM ${chTable("customers")} FINAL
        WHERE program_id = ${scope.programId}
          AND id IN (SELECT customer_id FROM m WHERE customer_id != 0)) AS c ON c.id = m.customer_id
      ${chDrillOrderBy("m.", order)}`);
  }
}
