import "server-only";
import { actionTypesPerProgram, typeLimitMessage } from "../ingest/action-type-limit";
import { createActionTypes } from "../ingest/create-action-types";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import type { RewardRuleForm } from "./reward-rule-schema";

type SaveResult = { ok: true; id: number } | { ok: false; field: string; message: string };

/** A rule as its form edits it and its audit entry describes it (keys and names, not ids). */
export type RuleFacts = {
  name: string;
  actionType: string;
  minValue: number | null;
  groupKey: string | null;
  amountCents: number;
  multiplyByValue: boolean;
  active: boolean;
};

/** What an update changed, field by field; empty when the form saved the rule as it was. */
function changesOf(before: RuleFacts, after: RuleFacts) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(after) as (keyof RuleFacts)[]) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

/**
 * Creates or updates a rule, with its audit entry (an update that changes nothing writes none).
 * Rules apply to actions received from now on; rewards already made stay as they were.
 */
export async function saveRewardRule(
  prisma: PrismaClient,
  programId: number,
  form: RewardRuleForm,
  actor: AuditActor,
): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    let groupId: number | null = null;
    if (form.groupKey) {
      const group = await tx.group.findUnique({
        where: { programId_key: { programId, key: form.groupKey } },
      });
      if (!group) return { ok: false, field: "groupKey", message: "That group no longer exists" };
      groupId = group.id;
    }
    const refused = await createActionTypes(tx, programId, [form.actionType]);
    if (refused.length > 0) {
      return {
        ok: false,
        field: "actionType",
        message: typeLimitMessage(actionTypesPerProgram()),
      };
    }
    const type = await tx.actionType.findUniqueOrThrow({
      where: { programId_name: { programId, name: form.actionType } },
    });
    const data = {
      name: form.name,
      actionTypeId: type.id,
      minValue: form.minValue,
      groupId,
      amountCents: form.amount,
      multiplyByValue: form.multiplyByValue,
      active: form.active,
    };
    const facts: RuleFacts = {
      name: form.name,
      actionType: form.actionType,
      minValue: form.minValue,
      groupKey: form.groupKey,
      amountCents: form.amount,
      multiplyByValue: form.multiplyByValue,
      active: form.active,
    };
    if (form.id === null) {
      const created = await tx.rewardRule.create({
        data: { programId, ...data },
        select: { id: true },
      });
      await recordAudit(tx, {
        programId,
        actor,
        kind: "reward_rules.created",
        summary: `Created reward rule “${form.name}”`,
        details: { ruleId: created.id, ...facts },
      });
      return { ok: true, id: created.id };
    }
    const [before] = await tx.$queryRaw<RuleFacts[]>`
      SELECT r.name, t.name AS "actionType", r.min_value AS "minValue", g.key AS "groupKey",
        r.amount_cents AS "amountCents", r.multiply_by_value AS "multiplyByValue", r.active
      FROM reward_rules r
      JOIN action_types t ON t.program_id = r.program_id AND t.id = r.action_type_id
      LEFT JOIN groups g ON g.program_id = r.program_id AND g.id = r.group_id
      WHERE r.program_id = ${programId} AND r.id = ${form.id}
      FOR UPDATE OF r`;
    if (!before) return { ok: false, field: "id", message: "That rule no longer exists" };
    await tx.rewardRule.updateMany({
      where: { programId, id: form.id },
      data: { ...data, updatedAt: new Date() },
    });
    const changes = changesOf(before, facts);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        programId,
        actor,
        kind: "reward_rules.updated",
        summary: `Changed reward rule “${form.name}”: ${Object.keys(changes).join(", ")}`,
        details: { ruleId: form.id, changes },
      });
    }
    return { ok: true, id: form.id };
  });
}
