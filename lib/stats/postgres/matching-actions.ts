import { Prisma } from "../../generated/prisma/client";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import type { ActionsTabFilters } from "../url/search-params";
import type { TabScope } from "../scope";
import { pgFilterConditions } from "./pg-filters";

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
  return pgFilterConditions(f, "partner");
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
  where.push(...pgFilterConditions(scope.filters, "action"));
  const partners = partnerConditions(scope.filters);
  where.push(...partners);

  const from = partners.length
    ? Prisma.sql`actions a JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id`
    : Prisma.sql`actions a`;
  return { from, where: Prisma.join(where, " AND ") };
}
