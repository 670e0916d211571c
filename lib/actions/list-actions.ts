import "server-only";
import type { ListActionsQuery } from "../api/schemas/actions";
import { finishPage, keysetFragments, resolveCursor } from "../api/keyset-page";
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
export async function listActions(prisma: PrismaClient, programId: number, q: ListActionsQuery) {
  const cursor = await resolveCursor(q, (key) =>
    prisma.action.findUnique({
      where: { programId_key: { programId, key } },
      select: { createdAt: true, id: true },
    }),
  );
  const where = filters(programId, q);
  const page = keysetFragments(
    "a",
    {
      limit: q.limit,
      descending: q.order_by === "-created_at",
      starting_after: q.starting_after,
      ending_before: q.ending_before,
    },
    cursor,
  );
  const [rows, [{ total }], ruleNames] = await Promise.all([
    prisma.$queryRaw<
      ActionRow[]
    >`${ACTION_SELECT} WHERE ${where} ${page.where} ${page.order} ${page.limit}`,
    prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM actions a WHERE ${where}`,
    loadRuleNames(prisma, programId),
  ]);
  const { items, has_more } = finishPage(rows, q.limit, page.backward);
  return {
    items: items.map((row) => toActionOutput(row, ruleNames)),
    has_more,
    total: Number(total),
  };
}
