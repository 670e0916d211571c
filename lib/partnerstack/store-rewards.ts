import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourceReward } from "./source-records";

type Tx = Prisma.TransactionClient;

/**
 * One page of the source's rewards, kept under their own keys and marked `imported` (the source's
 * rules made them; ours did not). A reward joins the action it names; one naming no action here is
 * skipped and counted. The rewarded actions' totals (what the tab sums) then follow their rewards.
 */
export async function storeRewards(
  tx: Tx,
  program: { id: number; currency: string },
  rewards: SourceReward[],
) {
  const actionKeys = [...new Set(rewards.flatMap((r) => (r.action_key ? [r.action_key] : [])))];
  const actions = actionKeys.length
    ? await tx.$queryRaw<{ key: string; id: bigint; partnership_id: number }[]>`
        SELECT key, id, partnership_id FROM actions
        WHERE program_id = ${program.id} AND key = ANY(${actionKeys}::text[])`
    : [];
  const byKey = new Map(actions.map((a) => [a.key, a]));
  const rows = rewards
    .flatMap((r) => {
      const action = r.action_key ? byKey.get(r.action_key) : undefined;
      return action ? [{ r, action }] : [];
    })
    .sort((x, y) => (x.r.key < y.r.key ? -1 : x.r.key > y.r.key ? 1 : 0));
  const skipped = rewards.length - rows.length;
  if (rows.length === 0) return { stored: 0, skipped };
  const col = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const inserted = await tx.$queryRaw<{ action_id: bigint }[]>`
    INSERT INTO rewards (program_id, key, partnership_id, action_id, rule_id, origin, amount_cents,
                         currency, status, created_at, archived_at)
    SELECT ${program.id}, u.key, u.partnership_id, u.action_id, NULL, 'imported', u.amount,
           u.currency, u.status::"RewardStatus", u.created_at, u.archived_at
    FROM unnest(
      ${col((x) => x.r.key)}::text[],
      ${col((x) => x.action.partnership_id)}::int[],
      ${col((x) => x.action.id.toString())}::bigint[],
      ${col((x) => x.r.amount)}::int[],
      ${col((x) => (x.r.currency ?? program.currency).slice(0, 3).toUpperCase())}::text[],
      ${col((x) => x.r.status)}::text[],
      ${col((x) => new Date(x.r.created_at ?? Date.now()).toISOString())}::timestamptz[],
      ${col((x) => (x.r.archived ? new Date().toISOString() : null))}::timestamptz[]
    ) WITH ORDINALITY AS u(key, partnership_id, action_id, amount, currency, status, created_at,
                           archived_at, ord)
    ORDER BY u.ord
    ON CONFLICT (program_id, key) DO NOTHING
    RETURNING action_id`;
  if (inserted.length > 0) {
    const ids = [...new Set(inserted.map((r) => r.action_id.toString()))];
    await tx.$executeRaw`
      UPDATE actions a SET reward_cents = s.total
      FROM (SELECT action_id, sum(amount_cents)::int AS total FROM rewards
            WHERE program_id = ${program.id} AND action_id = ANY(${ids}::bigint[])
            GROUP BY action_id) s
      WHERE a.program_id = ${program.id} AND a.id = s.action_id
        AND a.reward_cents IS DISTINCT FROM s.total`;
  }
  return { stored: inserted.length, skipped };
}
