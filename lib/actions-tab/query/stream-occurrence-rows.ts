import "server-only";
import { getPrisma } from "../../db/client";
import type { OccurrenceRow } from "./get-occurrence-table";
import { matchingActions, type TabScope } from "./tab-scope";

const PARTNERS_PER_BATCH = 1000;

/**
 * Every row of the occurrences table, in partner order, a batch of partnerships at a time
 * (keyset on partnership id): for exports that must not hold the whole table in memory.
 */
export async function* streamOccurrenceRows(scope: TabScope): AsyncGenerator<OccurrenceRow[]> {
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
    const rows = await prisma.$queryRaw<
      (Omit<OccurrenceRow, "occurrences" | "rewardCents"> & {
        occurrences: bigint;
        rewardCents: bigint;
      })[]
    >`
      WITH g AS (
        SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS occurrences, sum(a.reward_cents) AS reward_cents
        FROM ${from} WHERE ${where} AND a.partnership_id BETWEEN ${lo} AND ${hi}
        GROUP BY a.partnership_id, a.action_type_id, a.value
      )
      SELECT p.partner_key AS "partnerKey", (p.first_name || ' ' || p.last_name) AS "partnerName",
             p.email AS "partnerEmail", t.name AS "actionType", g.value AS "actionValue",
             g.occurrences AS "occurrences", g.reward_cents AS "rewardCents"
      FROM g
      JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = g.partnership_id
      JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = g.action_type_id
      ORDER BY g.partnership_id, t.name, g.value`;
    if (rows.length)
      yield rows.map((r) => ({
        ...r,
        occurrences: Number(r.occurrences),
        rewardCents: Number(r.rewardCents),
      }));
  }
}
