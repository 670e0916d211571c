import { chEmpty, chjoin, chsql, chTable, type ChSql } from "../../../analytics/ch-sql";
import type { ClickHouse } from "../../../analytics/clickhouse";
import type { DrillCursor, DrillRow, Selection } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { actionTypesNow, chMatchingActions, ms, partnershipsNow } from "./ch-matching-actions";

function selectionSql(scope: TabScope, s: Selection): ChSql {
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

export async function chDrillRows(
  ch: ClickHouse,
  scope: TabScope,
  selection: Selection,
  cursor: DrillCursor | null,
  limit: number,
): Promise<DrillRow[]> {
  const { from, where } = chMatchingActions(scope);
  const after = cursor
    ? chsql`AND (a.occurred_at, a.id) < (${ms(cursor.at)}, toUInt64(${cursor.id}))`
    : chEmpty;
  // The page first (read in key order), then labels for just its rows.
  const rows = await ch.query<Raw>(chsql`
    WITH page AS (
      SELECT a.id AS id, a.key AS key, a.occurred_at AS occurred_at, a.created_at AS created_at,
             a.partnership_id AS partnership_id, a.customer_id AS customer_id,
             a.action_type_id AS action_type_id, a.value AS value, a.reward_cents AS reward_cents,
             a.reward_outcome AS reward_outcome
      FROM ${from} WHERE ${where} ${selectionSql(scope, selection)} ${after}
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${limit})
    SELECT toString(page.id) AS id, page.key AS key,
           toUnixTimestamp64Milli(page.occurred_at) AS occurredAt,
           toUnixTimestamp64Milli(page.created_at) AS createdAt,
           concat(p.first_name, ' ', p.last_name) AS partnerName, p.email AS partnerEmail,
           c.email AS customerEmail, t.name AS actionType, page.value AS actionValue,
           page.reward_cents AS rewardCents, page.reward_outcome AS rewardOutcome
    FROM page
    JOIN ${partnershipsNow(scope.programId)} AS p ON p.id = page.partnership_id
    JOIN ${actionTypesNow(scope.programId)} AS t ON t.id = page.action_type_id
    LEFT JOIN (SELECT id, email FROM ${chTable("customers")} FINAL
      WHERE program_id = ${scope.programId}
        AND id IN (SELECT customer_id FROM page WHERE customer_id != 0)) AS c
      ON c.id = page.customer_id
    ORDER BY page.occurred_at DESC, page.id DESC`);
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
    SELECT count() AS n FROM ${from} WHERE ${where} ${selectionSql(scope, selection)}`);
  return Number(row.n);
}
