import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError, fieldNotFound, invalidFields } from "../api/api-error";
import { MAX_INT } from "../api/schemas/common";
import type { ActionOutput, CreateActionInput } from "../api/schemas/actions";
import { ACTION_SELECT, toActionOutput, type ActionRow } from "../actions/action-record";
import { getPrisma } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { evaluateRewardRules } from "../rewards/evaluate-reward-rules";
import { loadRuleNames } from "../rewards/load-rule-names";
import { actionRequestHash } from "./request-hash";

type Tx = Prisma.TransactionClient;

export interface RecordActionResult {
  action: ActionOutput;
  /** True when an earlier request with the same key and body already stored it. */
  replayed: boolean;
}

export function generateActionKey(): string {
  return `act_${randomBytes(12).toString("hex")}`;
}

async function findByKey(tx: Tx, programId: number, key: string) {
  const rows = await tx.$queryRaw<ActionRow[]>`${ACTION_SELECT}
    WHERE a.program_id = ${programId} AND a.key = ${key}`;
  return rows[0];
}

async function replayOrConflict(tx: Tx, programId: number, existing: ActionRow, hash: string) {
  if (existing.request_hash !== hash) {
    throw new ApiError(
      409,
      `An action with key "${existing.key}" already exists with a different body.`,
      [{ field: "key", message: `"${existing.key}" is already used by a different action` }],
    );
  }
  return { action: toActionOutput(existing, await loadRuleNames(tx, programId)), replayed: true };
}

function archivedPartnership(partnerKey: string) {
  return invalidFields([
    {
      field: "target_key",
      message: `partnership "${partnerKey}" is archived; restore it to record actions`,
    },
  ]);
}

async function resolveTarget(tx: Tx, programId: number, input: CreateActionInput) {
  if (input.target_type === "customer") {
    const customer = await tx.customer.findUnique({
      where: { programId_customerKey: { programId, customerKey: input.target_key } },
      select: {
        id: true,
        archivedAt: true,
        partnership: { select: { id: true, groupId: true, partnerKey: true, archivedAt: true } },
      },
    });
    if (!customer || customer.archivedAt)
      throw fieldNotFound("target_key", input.target_key, "customer");
    if (customer.partnership.archivedAt) throw archivedPartnership(customer.partnership.partnerKey);
    return {
      customerId: customer.id,
      partnershipId: customer.partnership.id,
      groupId: customer.partnership.groupId,
    };
  }
  const partnership = await tx.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey: input.target_key } },
    select: { id: true, groupId: true, archivedAt: true },
  });
  if (!partnership) throw fieldNotFound("target_key", input.target_key, "partnership");
  if (partnership.archivedAt) throw archivedPartnership(input.target_key);
  return { customerId: null, partnershipId: partnership.id, groupId: partnership.groupId };
}

// Read first and insert only when missing: an upsert would lock the type's row for the whole
// transaction and serialise every concurrent action of that type.
async function actionTypeId(tx: Tx, programId: number, name: string): Promise<number> {
  const where = { programId_name: { programId, name } };
  const found = await tx.actionType.findUnique({ where, select: { id: true } });
  if (found) return found.id;
  await tx.$executeRaw`INSERT INTO action_types (program_id, name) VALUES (${programId}, ${name})
    ON CONFLICT (program_id, name) DO NOTHING`;
  return (await tx.actionType.findUniqueOrThrow({ where, select: { id: true } })).id;
}

/**
 * Stores one action and the rewards its rules produce, in one transaction. Idempotent on the
 * action key: the same key and body returns the stored action; the same key with another body
 * is a 409. Concurrent duplicates meet at the unique (program_id, key) index.
 */
export async function recordAction(
  program: { id: number; currency: string },
  input: CreateActionInput,
  options: { idempotencyKey?: string | null; sentOccurredAt: boolean },
): Promise<RecordActionResult> {
  const prisma = await getPrisma();
  const key = input.key ?? options.idempotencyKey ?? generateActionKey();
  const hash = actionRequestHash(input, options.sentOccurredAt);
  const programId = program.id;

  return prisma.$transaction(async (tx) => {
    const existing = await findByKey(tx, programId, key);
    if (existing) return replayOrConflict(tx, programId, existing, hash);

    const target = await resolveTarget(tx, programId, input);
    const typeId = await actionTypeId(tx, programId, input.type);
    // Unsent event time is receipt time: the same now() as created_at.
    const occurredAt = input.occurred_at === undefined ? null : new Date(input.occurred_at);

    const inserted = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                           customer_id, occurred_at, request_hash)
      VALUES (${programId}, ${key}, ${typeId}, ${input.value}, ${input.target_type}::"TargetType",
              ${target.partnershipId}, ${target.customerId}, COALESCE(${occurredAt}::timestamptz, now()), ${hash})
      ON CONFLICT (program_id, key) DO NOTHING
      RETURNING id`;
    if (inserted.length === 0) {
      // A concurrent request with the same key committed first.
      return replayOrConflict(tx, programId, (await findByKey(tx, programId, key))!, hash);
    }
    const actionId = inserted[0].id;

    const rules = await tx.rewardRule.findMany({ where: { programId, actionTypeId: typeId } });
    const outcome = evaluateRewardRules(
      { actionTypeId: typeId, value: input.value, groupId: target.groupId, archived: false },
      rules,
    );
    const rewards = outcome.rules.flatMap((rule) =>
      rule.outcome === "rewarded"
        ? [
            {
              programId,
              partnershipId: target.partnershipId,
              actionId,
              ruleId: rule.ruleId,
              amountCents: rule.amountCents,
              currency: program.currency,
            },
          ]
        : [],
    );
    const rewardCents = rewards.reduce((sum, r) => sum + r.amountCents, 0);
    // amount × value can pass what a reward can hold: refuse the action, store nothing.
    if (rewardCents > MAX_INT) {
      throw invalidFields([
        {
          field: "value",
          message: "makes a reward larger than can be stored; send a smaller value",
        },
      ]);
    }
    if (rewards.length > 0) await tx.reward.createMany({ data: rewards });
    await tx.$executeRaw`UPDATE actions SET reward_outcome = ${JSON.stringify(outcome)}::jsonb,
      reward_cents = ${rewardCents} WHERE program_id = ${programId} AND id = ${actionId}`;

    const stored = (await findByKey(tx, programId, key))!;
    // The outcome names only this type's rules, already loaded: no second lookup on the hot path.
    const ruleNames = new Map(rules.map((rule) => [rule.id, rule.name]));
    return { action: toActionOutput(stored, ruleNames), replayed: false };
  });
}
