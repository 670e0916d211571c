import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import type { TabScope } from "../scope";
import { matchingPartners } from "./pg-partners";

/** The partnership attributes a directory can be ordered by. */
export type AttributeSort = "name" | "email" | "joined";

/** Where a page ordered by an attribute starts: after this partnership. */
export interface AttributeOrder {
  sort: AttributeSort;
  dir: "asc" | "desc";
  after: { id: number } | null;
}

const ATTRIBUTE_SQL: Record<AttributeSort, Prisma.Sql> = {
  name: Prisma.sql`(p.first_name || ' ' || p.last_name) COLLATE "C"`,
  email: Prisma.sql`p.email COLLATE "C"`,
  joined: Prisma.sql`p.joined_at`,
};

/** How many partnerships match the filters. */
export async function pgCountPartners(db: OpenDatabase, scope: TabScope) {
  const [{ n }] = await db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM partnerships p WHERE ${matchingPartners(scope)}`;
  return Number(n);
}

/**
 * Ids of matching partnerships ordered by an attribute (ties by id), starting after the row
 * `after` (keyset: its own value is read in the same statement). `limit: null` = all.
 */
export async function pgPartnerIdsByAttribute(
  db: OpenDatabase,
  scope: TabScope,
  d: AttributeOrder,
  limit: number | null,
): Promise<number[]> {
  const value = ATTRIBUTE_SQL[d.sort];
  const desc = d.dir === "desc";
  const keyset =
    d.after === null
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM (SELECT ${value} AS v FROM partnerships p
          WHERE p.program_id = ${scope.programId} AND p.id = ${d.after.id}) c
          WHERE ${value} ${desc ? Prisma.sql`<` : Prisma.sql`>`} c.v
             OR (${value} = c.v AND p.id > ${d.after.id}))`;
  const rows = await db.prisma.$queryRaw<{ id: number }[]>`
    SELECT p.id FROM partnerships p
    WHERE ${matchingPartners(scope)} ${keyset}
    ORDER BY ${value} ${desc ? Prisma.sql`DESC` : Prisma.sql`ASC`}, p.id ASC
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((r) => r.id);
}
