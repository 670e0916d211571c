import { chConst, chEmpty, chsql } from "../../../analytics/ch-sql";
import type { ClickHouse } from "../../../analytics/clickhouse";
import type { TableState } from "../../search-params";
import type { OccurrenceRow } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { actionTypesNow, chMatchingActions, partnershipsNow } from "./ch-matching-actions";

// Same order as the PostgreSQL twin (its database sorts text bytewise, like ClickHouse).
const SORT_SQL: Record<TableState["sort"], string> = {
  name: "partnerName",
  email: "partnerEmail",
  type: "actionType",
  value: "actionValue",
  occurrences: "occurrences",
  rewards: "rewardCents",
};

type RawRow = Omit<OccurrenceRow, "occurrences" | "rewardCents" | "actionValue"> & {
  actionValue: number | string;
  occurrences: number | string;
  rewardCents: number | string;
};
const toRow = (r: RawRow): OccurrenceRow => ({
  partnerKey: r.partnerKey,
  partnerName: r.partnerName,
  partnerEmail: r.partnerEmail,
  actionType: r.actionType,
  actionValue: Number(r.actionValue),
  occurrences: Number(r.occurrences),
  rewardCents: Number(r.rewardCents),
});

/** Grouped on ids, labelled after: the shape of the PostgreSQL query. */
function labelledGroups(scope: TabScope) {
  const { from, where } = chMatchingActions(scope);
  return chsql`
    SELECT p.partner_key AS partnerKey, concat(p.first_name, ' ', p.last_name) AS partnerName,
           p.email AS partnerEmail, t.name AS actionType, g.value AS actionValue,
           g.occurrences AS occurrences, g.reward_cents AS rewardCents, g.partnership_id AS pid
    FROM (
      SELECT a.partnership_id AS partnership_id, a.action_type_id AS action_type_id, a.value AS value,
             count() AS occurrences, sum(a.reward_cents) AS reward_cents
      FROM ${from} WHERE ${where}
      GROUP BY partnership_id, action_type_id, value) AS g
    JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = g.partnership_id
    JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = g.action_type_id`;
}

export async function chOccurrencePage(
  ch: ClickHouse,
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  const dir = chConst(table.dir === "asc" ? "ASC" : "DESC");
  const paging = limit === null ? chEmpty : chsql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const { from, where } = chMatchingActions(scope);
  const [rows, [count]] = await Promise.all([
    ch.query<RawRow>(chsql`${labelledGroups(scope)}
      ORDER BY ${chConst(SORT_SQL[table.sort])} ${dir}, partnerKey ASC, actionType ASC, actionValue ASC
      ${paging}`),
    ch.query<{ n: number | string }>(chsql`SELECT count() AS n FROM (
      SELECT 1 FROM ${from} WHERE ${where} GROUP BY a.partnership_id, a.action_type_id, a.value)`),
  ]);
  return { rows: rows.map(toRow), totalRows: Number(count.n) };
}

const ROWS_PER_BATCH = 5000;

/** The whole table in (partnership, type, value) order, streamed as ClickHouse produces it. */
export async function* chOccurrenceBatches(
  ch: ClickHouse,
  scope: TabScope,
): AsyncGenerator<OccurrenceRow[]> {
  let batch: OccurrenceRow[] = [];
  for await (const rows of ch.stream<RawRow>(
    chsql`${labelledGroups(scope)} ORDER BY pid, actionType, actionValue`,
  )) {
    for (const row of rows) batch.push(toRow(row));
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
