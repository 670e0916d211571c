import "server-only";
import { getPrisma } from "../../../db/client";
import { Prisma } from "../../../generated/prisma/client";
import type { TableState } from "../../search-params";
import type { OccurrenceRow } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { matchingActions } from "./matching-actions";

// Text sorts byte by byte (COLLATE "C"), whatever the database's collation: the same order as
// ClickHouse, so both engines page the table identically.
const SORT_SQL: Record<TableState["sort"], Prisma.Sql> = {
  name: Prisma.sql`(p.first_name || ' ' || p.last_name) COLLATE "C"`,
  email: Prisma.sql`p.email COLLATE "C"`,
  type: Prisma.sql`t.name COLLATE "C"`,
  value: Prisma.sql`g.value`,
  occurrences: Prisma.sql`g.occurrences`,
  rewards: Prisma.sql`g.reward_cents`,
};

type RawRow = Omit<OccurrenceRow, "occurrences" | "rewardCents"> & {
  occurrences: bigint;
  rewardCents: bigint;
};
const toRow = (r: RawRow): OccurrenceRow => ({
  partnerKey: r.partnerKey,
  partnerName: r.partnerName,
  partnerEmail: r.partnerEmail,
  actionType: r.actionType,
  actionValue: r.actionValue,
  occurrences: Number(r.occurrences),
  rewardCents: Number(r.rewardCents),
});

const LABELLED = Prisma.sql`
  SELECT p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS "partnerName",
         p.email AS "partnerEmail", t.name AS "actionType", g.value AS "actionValue",
         g.occurrences AS "occurrences", g.reward_cents AS "rewardCents"`;

/** Grouped on ids first and labelled after, so names are read once per row, not per action. */
export async function pgOccurrencePage(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir">,
  page: number,
  limit: number | null,
) {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const dir = table.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const paging =
    limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  const rows = await prisma.$queryRaw<(RawRow & { totalRows: bigint })[]>`
    WITH g AS (
      SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS occurrences,
             sum(a.reward_cents) AS reward_cents
      FROM ${from} WHERE ${where}
      GROUP BY a.partnership_id, a.action_type_id, a.value
    )
    ${LABELLED}, count(*) OVER () AS "totalRows"
    FROM g
    JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = g.partnership_id
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = g.action_type_id
    ORDER BY ${SORT_SQL[table.sort]} ${dir}, p.partner_key COLLATE "C" ASC, t.name COLLATE "C" ASC,
      g.value ASC
    ${paging}`;
  let totalRows = rows.length ? Number(rows[0].totalRows) : 0;
  if (!rows.length && page > 1) {
    // Past the last page: count without fetching, so the page can say how many pages exist.
    const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (
      SELECT 1 FROM ${from} WHERE ${where} GROUP BY a.partnership_id, a.action_type_id, a.value) x`;
    totalRows = Number(n);
  }
  return { rows: rows.map(toRow), totalRows };
}

const PARTNERS_PER_BATCH = 1000;

/** A batch of partnerships at a time (keyset on partnership id), in partner order. */
export async function* pgOccurrenceBatches(scope: TabScope): AsyncGenerator<OccurrenceRow[]> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  let after = 0;
  for (;;) {
    const ids = await prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM partnerships WHERE program_id = ${scope.programId} AND id > ${after}
      ORDER BY id LIMIT ${PARTNERS_PER_BATCH}`;
    if (ids.length === 0) return;
    const lo = ids[0].id;
    const hi = ids[ids.length - 1].id;
    after = hi;
    const rows = await prisma.$queryRaw<RawRow[]>`
      WITH g AS (
        SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS occurrences, sum(a.reward_cents) AS reward_cents
        FROM ${from} WHERE ${where} AND a.partnership_id BETWEEN ${lo} AND ${hi}
        GROUP BY a.partnership_id, a.action_type_id, a.value
      )
      ${LABELLED}
      FROM g
      JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = g.partnership_id
      JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = g.action_type_id
      ORDER BY g.partnership_id, t.name COLLATE "C", g.value`;
    if (rows.length) yield rows.map(toRow);
  }
}
