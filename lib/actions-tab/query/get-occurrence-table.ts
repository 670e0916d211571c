import "server-only";
import { getPrisma } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import type { TableState } from "../search-params";
import { matchingActions, type TabScope } from "./tab-scope";

export const TABLE_PAGE_SIZE = 25;

export interface OccurrenceRow {
  partnerKey: string;
  partnerName: string;
  partnerEmail: string;
  actionType: string;
  actionValue: number;
  occurrences: number;
  rewardCents: number;
}

export interface OccurrenceTable {
  rows: OccurrenceRow[];
  /** Rows in the whole filtered set (every page). */
  totalRows: number;
  page: number;
  pageCount: number;
}

const SORT_SQL: Record<TableState["sort"], Prisma.Sql> = {
  name: Prisma.sql`(p.first_name || ' ' || p.last_name)`,
  email: Prisma.sql`p.email`,
  type: Prisma.sql`t.name`,
  value: Prisma.sql`g.value`,
  occurrences: Prisma.sql`g.occurrences`,
  rewards: Prisma.sql`g.reward_cents`,
};

/**
 * Occurrences per partner, action type and action value, with the rewards those actions made.
 * Grouped on ids first and labelled after, so names are read once per row, not per action.
 * `limit: null` returns every row (exports); otherwise one page of TABLE_PAGE_SIZE.
 */
export async function getOccurrenceTable(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir" | "page">,
  limit: number | null = TABLE_PAGE_SIZE,
): Promise<OccurrenceTable> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const dir = table.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const page = Math.max(1, table.page);
  const paging =
    limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const rows = await prisma.$queryRaw<
    (Omit<OccurrenceRow, "occurrences" | "rewardCents"> & {
      occurrences: bigint;
      rewardCents: bigint;
      totalRows: bigint;
    })[]
  >`
    WITH g AS (
      SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS occurrences,
             sum(a.reward_cents) AS reward_cents
      FROM ${from} WHERE ${where}
      GROUP BY a.partnership_id, a.action_type_id, a.value
    )
    SELECT p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS "partnerName",
           p.email AS "partnerEmail", t.name AS "actionType", g.value AS "actionValue",
           g.occurrences AS "occurrences", g.reward_cents AS "rewardCents", count(*) OVER () AS "totalRows"
    FROM g
    JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = g.partnership_id
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = g.action_type_id
    ORDER BY ${SORT_SQL[table.sort]} ${dir}, p.partner_key ASC, t.name ASC, g.value ASC
    ${paging}`;
  let totalRows = rows.length ? Number(rows[0].totalRows) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: count without fetching, so the page can say how many pages exist.
    const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (
      SELECT 1 FROM ${from} WHERE ${where} GROUP BY a.partnership_id, a.action_type_id, a.value) x`;
    totalRows = Number(n);
  }
  return {
    rows: rows.map((r) => ({
      partnerKey: r.partnerKey,
      partnerName: r.partnerName,
      partnerEmail: r.partnerEmail,
      actionType: r.actionType,
      actionValue: r.actionValue,
      occurrences: Number(r.occurrences),
      rewardCents: Number(r.rewardCents),
    })),
    totalRows,
    page,
    pageCount: limit === null ? 1 : Math.max(1, Math.ceil(totalRows / limit)),
  };
}
