import { chConst, chsql, chTable } from "../../../analytics/ch-sql";
import type { ClickHouse } from "../../../analytics/clickhouse";
import type { TableState } from "../../search-params";
import type { Selection } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { CH_CELLS, type ChCells } from "./ch-csv-cells";
import { drillSelection } from "./ch-drill-down";
import { actionTypesNow, chMatchingActions, partnershipsNow } from "./ch-matching-actions";
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

/** Every matching action of a selection, newest first (as `chDrillRows`), as CSV. */
export function chDrillCsv(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  ruleNames: Map<number, string>,
  c: ChCells = CH_CELLS,
) {
  const { from, where } = chMatchingActions(scope);
  const tz = scope.timezone;
  return ch.csv(chsql`
    SELECT ${c.iso(chConst("m.occurred_at"), tz)}, ${c.iso(chConst("m.created_at"), tz)},
           ${c.text(chConst("concat(p.first_name, ' ', p.last_name)"))}, ${c.text(chConst("p.email"))},
           ${c.text(chConst("ifNull(c.email, '')"))}, ${c.text(chConst("m.key"))},
           ${c.text(chConst("t.name"))}, m.value, ${c.money(chConst("m.reward_cents"))},
           ${c.text(c.reason(chConst("m.reward_outcome"), ruleNames))}
    FROM (
      SELECT a.id AS id, a.key AS key, a.occurred_at AS occurred_at, a.created_at AS created_at,
             a.partnership_id AS partnership_id, a.customer_id AS customer_id,
             a.action_type_id AS action_type_id, a.value AS value, a.reward_cents AS reward_cents,
             a.reward_outcome AS reward_outcome
      FROM ${from} WHERE ${where} ${drillSelection(scope, selection)}) AS m
    JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = m.partnership_id
    JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = m.action_type_id
    LEFT JOIN (SELECT id, email FROM ${chTable("customers")} FINAL
      WHERE program_id = ${scope.programId}) AS c ON c.id = m.customer_id
    ORDER BY m.occurred_at DESC, m.id DESC`);
}
