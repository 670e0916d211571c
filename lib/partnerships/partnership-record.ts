import { Prisma } from "../generated/prisma/client";
import type { KeyedRecord } from "../api/keyed-record";
import type { PartnershipOutput } from "../schemas/partnerships";

const FROM = Prisma.sql`partnerships p
  JOIN groups g ON g.program_id = p.program_id AND g.id = p.group_id`;

interface PartnershipRow {
  id: number;
  partner_key: string;
  email: string;
  first_name: string;
  last_name: string;
  is_marketplace: boolean;
  archived_at: Date | null;
  joined_at: Date;
  created_at: Date;
  updated_at: Date;
  group_key: string;
  group_name: string;
  manager_email: string | null;
  tags: string[];
}

/** Partnerships, by partner_key, with their group, tags and manager. */
export const partnershipRecord: KeyedRecord<PartnershipRow, PartnershipOutput, "partner_key"> = {
  noun: "partnership",
  alias: "p",
  key: "partner_key",
  from: FROM,
  select: Prisma.sql`
  SELECT p.id, p.partner_key, p.email, p.first_name, p.last_name, p.is_marketplace, p.archived_at,
         p.joined_at, p.created_at, p.updated_at, g.key AS group_key, g.name AS group_name,
         u.email AS manager_email,
         COALESCE((SELECT array_agg(t.name ORDER BY t.name) FROM partnership_tags pt
                   JOIN tags t ON t.program_id = pt.program_id AND t.id = pt.tag_id
                   WHERE pt.program_id = p.program_id AND pt.partnership_id = p.id), '{}') AS tags
  FROM ${FROM}
  LEFT JOIN users u ON u.id = p.manager_user_id`,
  listFilters: { group: "g.key" },
  fields: (row) => ({
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    group: { key: row.group_key, name: row.group_name },
    tags: row.tags,
    manager_email: row.manager_email,
    is_marketplace: row.is_marketplace,
    archived: row.archived_at !== null,
    joined_at: row.joined_at.getTime(),
  }),
};
