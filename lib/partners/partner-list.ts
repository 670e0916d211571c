import "server-only";
import type { OpenDatabase } from "../db/open";
import { Prisma } from "../generated/prisma/client";

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
