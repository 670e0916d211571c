import "server-only";
import type { ListActionsQuery } from "../schemas/actions";
import { keysetList, type TotalCount } from "../db/keyset-page";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { loadRuleNames } from "../rewards/load-rule-names";
import { ACTION_SELECT, toActionOutput, type ActionRow } from "./action-record";

function filters(programId: number, q: ListActionsQuery) {
  const parts = [Prisma.sql`a.program_id = ${programId}`];
  if (q.min_created !== undefined)
    parts.push(Prisma.sql`a.created_at >= ${new Date(q.min_created)}`);
  if (q.max_created !== undefined)
    parts.push(Prisma.sql`a.created_at <= ${new Date(q.max_created)}`);
  if (q.min_updated !== undefined)
    parts.push(Prisma.sql`a.updated_at >= ${new Date(q.min_updated)}`);
  if (q.max_updated !== undefined)
    parts.push(Prisma.sql`a.updated_at <= ${new Date(q.max_updated)}`);
  if (q.partnership_key) {
    parts.push(
      Prisma.sql`a.partnership_id = (SELECT id FROM partnerships WHERE program_id = ${programId} AND partner_key = ${q.partnership_key})`,
    );
  }
  if (q.action_type) {
    parts.push(
      Prisma.sql`a.action_type_id = (SELECT id FROM action_types WHERE program_id = ${programId} AND name = ${q.action_type})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

/** GET /api/v2/actions: filtered, keyset-paged, with the total for the filters. */
export async function listActions(
  prisma: PrismaClient,
  programId: number,
  q: ListActionsQuery,
  count: TotalCount = "exact",
) {
  const where = filters(programId, q);
  const page = await keysetList<ActionRow, Map<number, string>>(prisma, programId, q, {
    alias: "a",
    from: Prisma.sql`actions a`,
    keyColumn: "key",
    descending: q.order_by === "-created_at",
    select: ACTION_SELECT,
    where,
    alongside: () => loadRuleNames(prisma, programId),
    count,
  });
  return {
    items: page.items.map((row) => toActionOutput(row, page.alongside)),
    has_more: page.has_more,
    total: page.total,
  };
}
