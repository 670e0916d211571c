import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { evaluateRewardRules, IMPORTED_OUTCOME } from "../rewards/evaluate-reward-rules";

const BATCH = 1000;

/**
 * Runs the program's reward rules over imported actions that came without rewards, in batches
 * from `afterId` on; the rewards made are marked `backfill`. Each batch is one transaction and
 * reports its last id (the checkpoint). An action once evaluated keeps its outcome, so running
 * again adds nothing.
 */
export async function backfillRewards(
  prisma: PrismaClient,
  program: { id: number; currency: string },
  afterId: bigint,
  onBatch: (
    tx: Prisma.TransactionClient,
    lastId: bigint,
    seen: number,
    rewarded: number,
  ) => Promise<void>,
) {
  const rules = await prisma.rewardRule.findMany({ where: { programId: program.id } });
  for (let after = afterId; ;) {
    const done = await prisma.$transaction(async (tx) => {
      const actions = await tx.$queryRaw<
        {
          id: bigint;
          action_type_id: number;
          value: number;
          group_id: number;
          partnership_id: number;
          archived: boolean;
        }[]
      >`
        SELECT a.id, a.action_type_id, a.value, p.group_id, a.partnership_id,
               a.archived_at IS NOT NULL AS archived
        FROM actions a JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id
        WHERE a.program_id = ${program.id} AND a.id > ${after} AND a.imported_at IS NOT NULL
          AND a.reward_outcome = ${JSON.stringify(IMPORTED_OUTCOME)}::jsonb
          AND NOT EXISTS (SELECT 1 FROM rewards w WHERE w.program_id = a.program_id AND w.action_id = a.id)
        ORDER BY a.id LIMIT ${BATCH}`;
      if (actions.length === 0) return true;
      let rewarded = 0;
      for (const action of actions) {
        const outcome = evaluateRewardRules(
          {
            actionTypeId: action.action_type_id,
            value: action.value,
            groupId: action.group_id,
            archived: action.archived,
          },
          rules,
        );
        const made = outcome.rules.flatMap((r) => (r.outcome === "rewarded" ? [r] : []));
        for (const r of made) {
          await tx.reward.create({
            data: {
              programId: program.id,
              partnershipId: action.partnership_id,
              actionId: action.id,
              ruleId: r.ruleId,
              origin: "backfill",
              amountCents: r.amountCents,
              currency: program.currency,
            },
          });
        }
        if (made.length > 0) rewarded++;
        await tx.action.update({
          where: { programId_id: { programId: program.id, id: action.id } },
          data: {
            rewardOutcome: outcome,
            rewardCents: made.reduce((sum, r) => sum + r.amountCents, 0),
          },
        });
      }
      after = actions.at(-1)!.id;
      await onBatch(tx, after, actions.length, rewarded);
      return actions.length < BATCH;
    });
    if (done) return;
  }
}
