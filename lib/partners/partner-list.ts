import "server-only";
import type { TabScope } from "../actions-tab/query/tab-scope";
import { matchingPartners } from "../actions-tab/query/postgres/pg-partners";
import type { OpenDatabase } from "../db/open";
import { Prisma } from "../generated/prisma/client";
import type { DirectoryState } from "./directory-params";

/** A partnership as the directory and the partner page show it (from the system of record). */
export interface PartnerAttributes {
  id: number;
  partnerKey: string;
  name: string;
  email: string;
  group: string;
  tags: string[];
  manager: string | null;
  joinedAt: Date;
  archivedAt: Date | null;
  isMarketplace: boolean;
}

export type AttributeSort = Extract<DirectoryState["sort"], "name" | "email" | "joined">;

const ATTRIBUTE_SQL: Record<AttributeSort, Prisma.Sql> = {
  name: Prisma.sql`(p.first_name || ' ' || p.last_name) COLLATE "C"`,
  email: Prisma.sql`p.email COLLATE "C"`,
  joined: Prisma.sql`p.joined_at`,
};

/** How many partnerships match the filters and the search. */
export async function countPartners(db: OpenDatabase, scope: TabScope, search: string) {
  const [{ n }] = await db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM partnerships p WHERE ${matchingPartners(scope, search)}`;
  return Number(n);
}

/**
 * Ids of matching partnerships ordered by an attribute (ties by id), starting after the row
 * `after` (keyset: its own value is read in the same statement). `limit: null` = all.
 */
export async function partnerIdsByAttribute(
  db: OpenDatabase,
  scope: TabScope,
  d: Pick<DirectoryState, "q" | "dir" | "after"> & { sort: AttributeSort },
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
    WHERE ${matchingPartners(scope, d.q)} ${keyset}
    ORDER BY ${value} ${desc ? Prisma.sql`DESC` : Prisma.sql`ASC`}, p.id ASC
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((r) => r.id);
}

/** The attributes of the given partnerships of a program, by id. */
export async function loadPartnerAttributes(
  db: OpenDatabase,
  programId: number,
  ids: number[],
): Promise<Map<number, PartnerAttributes>> {
  const found = new Map<number, PartnerAttributes>();
  // In slices: a whole directory (CSV) is tens of thousands of ids, one bind parameter each.
  for (let i = 0; i < ids.length; i += ID_SLICE) {
    for (const row of await attributesOf(db, programId, ids.slice(i, i + ID_SLICE)))
      found.set(row.id, row);
  }
  return found;
}

const ID_SLICE = 10_000;

function attributesOf(db: OpenDatabase, programId: number, ids: number[]) {
  return db.prisma.$queryRaw<PartnerAttributes[]>`
    SELECT p.id, p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS name,
           p.email, g.name AS "group", u.name AS manager, p.joined_at AS "joinedAt",
           p.archived_at AS "archivedAt", p.is_marketplace AS "isMarketplace",
           coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM partnership_tags pt
                     JOIN tags t ON t.program_id = pt.program_id AND t.id = pt.tag_id
                     WHERE pt.program_id = p.program_id AND pt.partnership_id = p.id),
                    '{}') AS tags
    FROM partnerships p
    JOIN groups g ON g.program_id = p.program_id AND g.id = p.group_id
    LEFT JOIN users u ON u.id = p.manager_user_id
    WHERE p.program_id = ${programId} AND p.id IN (${Prisma.join(ids)})`;
}
