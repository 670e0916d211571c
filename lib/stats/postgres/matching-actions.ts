import { Prisma } from "../../generated/prisma/client";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import type { ActionsTabFilters } from "../url/search-params";
import { hasPartnerFilters, likePattern, type TabScope } from "../scope";

/** Actions (alias `a`) that occurred within the range: a condition, TRUE for "any time". */
export function occurredWithin(range: InstantRange): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (range.start !== null) parts.push(Prisma.sql`a.occurred_at >= ${new Date(range.start)}`);
  if (range.end !== null) parts.push(Prisma.sql`a.occurred_at < ${new Date(range.end)}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The partner filters as conditions on a partnership (alias `p`): the tab's partner filters and
 * the Partners directory's list are the same rows.
 */
export function partnerConditions(f: ActionsTabFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.group.length) {
    const list = Prisma.join(f.group);
    where.push(
      f.group_op === "include"
        ? Prisma.sql`p.group_id IN (${list})`
        : Prisma.sql`p.group_id NOT IN (${list})`,
    );
  }
  if (f.manager.length) {
    const list = Prisma.join(f.manager);
    where.push(
      f.manager_op === "include"
        ? Prisma.sql`p.manager_user_id IN (${list})`
        : Prisma.sql`(p.manager_user_id IS NULL OR p.manager_user_id NOT IN (${list}))`,
    );
  }
  if (f.name)
    where.push(Prisma.sql`(p.first_name || ' ' || p.last_name) ILIKE ${likePattern(f.name)}`);
  if (f.email) where.push(Prisma.sql`p.email ILIKE ${likePattern(f.email)}`);
  if (f.tag.length) {
    const tagged = Prisma.sql`EXISTS (SELECT 1 FROM partnership_tags pt WHERE pt.program_id = p.program_id
      AND pt.partnership_id = p.id AND pt.tag_id IN (${Prisma.join(f.tag)}))`;
    where.push(f.tag_op === "any_of" ? tagged : Prisma.sql`NOT ${tagged}`);
  }
  if (f.marketplace !== "any")
    where.push(Prisma.sql`p.is_marketplace = ${f.marketplace === "yes"}`);
  if (f.archived !== "any")
    where.push(
      f.archived === "yes"
        ? Prisma.sql`p.archived_at IS NOT NULL`
        : Prisma.sql`p.archived_at IS NULL`,
    );
  return where;
}

/**
 * FROM and WHERE for the actions matching a scope (alias `a`; `p` is joined only when a partner
 * filter needs it). Archived actions never count. Every number on the tab, the drill-down and the
 * exports is computed over exactly these rows; a partner page's scope adds its partnership.
 */
export function matchingActions(scope: TabScope, range: InstantRange = scope.range) {
  const where: Prisma.Sql[] = [
    Prisma.sql`a.program_id = ${scope.programId}`,
    Prisma.sql`a.archived_at IS NULL`,
  ];
  if (range.start !== null || range.end !== null) where.push(occurredWithin(range));
  if (scope.partnershipId !== undefined)
    where.push(Prisma.sql`a.partnership_id = ${scope.partnershipId}`);
  where.push(...partnerConditions(scope.filters));

  const from = hasPartnerFilters(scope.filters)
    ? Prisma.sql`actions a JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id`
    : Prisma.sql`actions a`;
  return { from, where: Prisma.join(where, " AND ") };
}
