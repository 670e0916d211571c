import type { GroupOutput } from "../schemas/groups";

/** A group's columns as the data functions read them. */
export interface GroupRow {
  id: number;
  key: string;
  name: string;
  slug: string;
  archivedAt: Date | null;
  createdAt: Date;
}

/** A group as the API shows it. */
export function groupOutputOf(row: GroupRow): GroupOutput {
  return {
    key: row.key,
    name: row.name,
    slug: row.slug,
    archived: row.archivedAt !== null,
    created_at: row.createdAt.getTime(),
  };
}
