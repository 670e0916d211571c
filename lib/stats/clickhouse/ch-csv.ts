import { chConst, chEmpty, chsql, chTable } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import type { TableState } from "../url/search-params";
import type { Selection } from "../engine";
import type { TabScope } from "../scope";
import { CH_CELLS, type ChCells } from "./ch-csv-cells";
import { drillSelection } from "./ch-drill-down";
import { actionTypesNow, chMatchingActions, ms, partnershipsNow } from "./ch-matching-actions";
import { groupedActions, labelled, SORT_SQL } from "./ch-occurrences";

/** The whole occurrences table in the screen's order (as `chOccurrencePage`), as CSV. */
export function chOccurrenceCsv(
  ch: ClickHouse,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  c: ChCells = CH_CELLS,
) {
  const dir = chConst(table.dir === "asc" ? "ASC" : "DESC");
  return ch.csv(chsql`
    SELECT ${c.text(chConst("partnerName"))}, ${c.text(chConst("partnerEmail"))},
           ${c.text(chConst("partnerKey"))}, ${c.text(chConst("actionType"))}, actionValue,
           occurrences, ${c.money(chConst("rewardCents"))}
    FROM (${labelled(scope, groupedActions(scope))})
    ORDER BY ${chConst(SORT_SQL[table.sort])} ${dir}, partnerKey ASC, actionType ASC,
      actionValue ASC`);
}

/** Rows per statement of a drill-down CSV: ClickHouse sorts and joins a slice in memory. */
const DRILL_ROWS_PER_SLICE = 100_000;

type Key = { at: number; id: bigint };
const key = (k: Key) => chsql`(${ms(k.at)}, toUInt64(${k.id}))`;

/**
 * Every matching action of a selection, newest first (as `chDrillRows`), as CSV: one statement per
 * slice of `rowsPerSlice` actions, cut at keys found by a key-only pass, so the memory a download
 * takes does not grow with its rows (a single statement sorted and joined all of them: +0.9 KB a
 * row).
 */
export async function* chDrillCsv(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  ruleNames: Map<number, string>,
  c: ChCells = CH_CELLS,
  rowsPerSlice = DRILL_ROWS_PER_SLICE,
): AsyncGenerator<Uint8Array> {
  const { from, where } = chMatchingActions(scope);
  const matching = chsql`FROM ${from} WHERE ${where} ${drillSelection(scope, selection)}`;
  const cuts = await ch.query<{ at: number | string; id: string }>(chsql`
    SELECT toUnixTimestamp64Milli(occurred_at) AS at, toString(id) AS id FROM (
      SELECT a.occurred_at AS occurred_at, a.id AS id,
             row_number() OVER (ORDER BY a.occurred_at DESC, a.id DESC) AS n
      ${matching}) WHERE n % ${rowsPerSlice} = 0 ORDER BY n`);
  const keys: Key[] = cuts.map((k) => ({ at: Number(k.at), id: BigInt(k.id) }));
  const tz = scope.timezone;
  // Slice i holds the actions from key i (included) back to key i-1 (excluded); the last, the rest.
  for (let i = 0; i <= keys.length; i++) {
    const newer = keys[i - 1];
    const older = keys[i];
    const bounds = chsql`
      ${newer ? chsql`AND a.occurred_at <= ${ms(newer.at)} AND (a.occurred_at, a.id) < ${key(newer)}` : chEmpty}
      ${older ? chsql`AND a.occurred_at >= ${ms(older.at)} AND (a.occurred_at, a.id) >= ${key(older)}` : chEmpty}`;
    yield* ch.csv(chsql`
      WITH m AS (
        SELECT a.id AS id, a.key AS key, a.occurred_at AS occurred_at, a.created_at AS created_at,
               a.partnership_id AS partnership_id, a.customer_id AS customer_id,
               a.action_type_id AS action_type_id, a.value AS value,
               a.reward_cents AS reward_cents, a.reward_outcome AS reward_outcome
        ${matching} ${bounds})
      SELECT ${c.iso(chConst("m.occurred_at"), tz)}, ${c.iso(chConst("m.created_at"), tz)},
             ${c.text(chConst("concat(p.first_name, ' ', p.last_name)"))}, ${c.text(chConst("p.email"))},
             ${c.text(chConst("ifNull(c.email, '')"))}, ${c.text(chConst("m.key"))},
             ${c.text(chConst("t.name"))}, m.value, ${c.money(chConst("m.reward_cents"))},
             ${c.text(c.reason(chConst("m.reward_outcome"), ruleNames))}
      FROM m
      JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = m.partnership_id
      JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = m.action_type_id
      LEFT JOIN (SELECT id, email FROM ${chTable("customers")} FINAL
        WHERE program_id = ${scope.programId}
          AND id IN (SELECT customer_id FROM m WHERE customer_id != 0)) AS c ON c.id = m.customer_id
      ORDER BY m.occurred_at DESC, m.id DESC`);
  }
}
