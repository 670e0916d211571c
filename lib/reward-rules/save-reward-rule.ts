import "server-only";
import { actionTypesPerProgram, typeLimitMessage } from "../ingest/action-type-limit";
import { createActionTypes } from "../ingest/create-action-types";
import type { PrismaClient } from "../generated/prisma/client";
import type { RewardRuleForm } from "./reward-rule-schema";

type SaveResult = { ok: true; id: number } | { ok: false; field: string; message: string };

/**
 * Creates or updates a rule. Rules apply to actions received from now on; rewards already made
 * stay as they were.
 */
export async function saveRewardRule(
  prisma: PrismaClient,
  programId: number,
  form: RewardRuleForm,
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
    if (form.id === null) {
      const created = await tx.rewardRule.create({
        data: { programId, ...data },
        select: { id: true },
      });
      return { ok: true, id: created.id };
    }
    const { count } = await tx.rewardRule.updateMany({
      where: { programId, id: form.id },
      data: { ...data, updatedAt: new Date() },
    });
    if (count === 0) return { ok: false, field: "id", message: "That rule no longer exists" };
    return { ok: true, id: form.id };
  });
}
