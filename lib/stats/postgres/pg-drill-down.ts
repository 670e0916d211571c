import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import type { DrillCursor, DrillOrder, DrillRow, Selection } from "../engine";
import type { TabScope } from "../scope";
import { selectedConversion } from "../conversion/conversion";
import { matchingActions } from "./matching-actions";
import { pgConversionCondition } from "./pg-conversion";
import { pgBreakdownCondition } from "./pg-breakdown";

/** An action's properties with every value as text (`->>`: 5 → "5"), as ClickHouse holds them. */
const PROPERTIES_AS_TEXT = Prisma.sql`(SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}')
  FROM jsonb_each_text(a.properties) e)`;

/** The CSV cell of property-text.ts: "plan=pro; seats=5" (pairs in byte order). */
export const PROPERTIES_CELL = Prisma.sql`coalesce((SELECT string_agg(e.key || '=' || e.value, '; '
  ORDER BY (e.key || '=' || e.value) COLLATE "C") FROM jsonb_each_text(a.properties) e), '')`;

export const DRILL_FROM = Prisma.sql`actions a JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id`;

export function drillSelection(scope: TabScope, s: Selection) {
  const parts: Prisma.Sql[] = [];
  if (s.partner !== null) {
    parts.push(
      Prisma.sql`a.partnership_id = (SELECT id FROM partnerships WHERE program_id = ${scope.programId} AND partner_key = ${s.partner})`,
    );
  }
  if (s.type !== null) {
    parts.push(
      Prisma.sql`a.action_type_id = (SELECT id FROM action_types WHERE program_id = ${scope.programId} AND name = ${s.type})`,
    );
  }
  if (s.value !== null) parts.push(Prisma.sql`a.value = ${s.value}`);
  const conversion = selectedConversion(s);
  if (conversion) parts.push(pgConversionCondition(scope, conversion));
  const breakdown = pgBreakdownCondition(scope, s);
  if (breakdown) parts.push(breakdown);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

const SORT_COLUMN = {
  time: Prisma.sql`a.occurred_at`,
  value: Prisma.sql`a.value`,
  reward: Prisma.sql`a.reward_cents`,
} as const;

/** ORDER BY of a drill-down order: the sort column, then the id, the same way. */
export function drillOrderBy(order: DrillOrder): Prisma.Sql {
  const dir = Prisma.raw(order.dir === "asc" ? "ASC" : "DESC");
  return Prisma.sql`ORDER BY ${SORT_COLUMN[order.sort]} ${dir}, a.id ${dir}`;
}

/** The rows after a cursor in an order (a cursor's number may exceed an integer column). */
function afterCursor(order: DrillOrder, cursor: DrillCursor | null): Prisma.Sql {
  if (!cursor) return Prisma.empty;
  const op = Prisma.raw(order.dir === "asc" ? ">" : "<");
  if (order.sort === "time")
    return Prisma.sql`AND (a.occurred_at, a.id) ${op} (${new Date(cursor.value)}, ${cursor.id})`;
  return Prisma.sql`AND (${SORT_COLUMN[order.sort]}::bigint, a.id) ${op} (${cursor.value}::bigint, ${cursor.id})`;
}

export async function pgDrillRows(
  db: OpenDatabase,
  scope: TabScope,
  selection: Selection,
  order: DrillOrder,
  cursor: DrillCursor | null,
  limit: number,
): Promise<DrillRow[]> {
  const { prisma } = db;
  const { where } = matchingActions(scope);
  const after = afterCursor(order, cursor);
  const rows = await prisma.$queryRaw<(Omit<DrillRow, "id"> & { id: bigint })[]>`
    SELECT a.id, a.key, a.occurred_at AS "occurredAt", a.created_at AS "createdAt",
           p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS "partnerName",
           p.email AS "partnerEmail",
           c.email AS "customerEmail", t.name AS "actionType", a.value AS "actionValue",
           a.reward_cents AS "rewardCents", a.reward_outcome AS "rewardOutcome",
           ${PROPERTIES_AS_TEXT} AS properties
    FROM ${DRILL_FROM}
    JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
    LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id
    WHERE ${where} ${drillSelection(scope, selection)} ${after}
    ${drillOrderBy(order)}
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export async function pgDrillTotal(
  db: OpenDatabase,
  scope: TabScope,
  selection: Selection,
): Promise<number> {
  const { prisma } = db;
  const { where } = matchingActions(scope);
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM ${DRILL_FROM} WHERE ${where} ${drillSelection(scope, selection)}`;
  return Number(row.n);
}
