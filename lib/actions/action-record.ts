import { Prisma } from "../generated/prisma/client";
import type { ActionOutput } from "../schemas/actions";
import type { ActionProperties } from "../schemas/action-properties";
import type { RewardOutcome, StoredRewardOutcome } from "../rewards/evaluate-reward-rules";

/** The columns every API view of an action needs, joined once. Alias `a` is the actions table. */
export const ACTION_SELECT = Prisma.sql`
  SELECT a.id, a.key, t.name AS type, a.value, a.target_type, a.archived_at, a.request_hash,
         p.partner_key, c.customer_key, c.email AS customer_email, c.name AS customer_name,
         a.occurred_at, a.created_at, a.updated_at, a.reward_outcome, a.reward_cents,
         a.properties
  FROM actions a
  JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
  JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id
  LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id`;

export interface ActionRow {
  id: bigint;
  key: string;
  type: string;
  value: number;
  target_type: "customer" | "partnership";
  archived_at: Date | null;
  request_hash: string | null;
  partner_key: string;
  customer_key: string | null;
  customer_email: string | null;
  customer_name: string | null;
  occurred_at: Date;
  created_at: Date;
  updated_at: Date;
  reward_outcome: StoredRewardOutcome;
  reward_cents: number;
  properties: ActionProperties;
}

/** Public shape of an action; rule names come from a map loaded once per request. */
export function toActionOutput(row: ActionRow, ruleNames: Map<number, string>): ActionOutput {
  const imported = "imported" in row.reward_outcome;
  const outcome = row.reward_outcome as Partial<RewardOutcome>;
  return {
    key: row.key,
    type: row.type,
    value: row.value,
    target_type: row.target_type,
    archived: row.archived_at !== null,
    partnership_key: row.partner_key,
    customer: row.customer_key
      ? { key: row.customer_key, email: row.customer_email, name: row.customer_name }
      : null,
    occurred_at: row.occurred_at.getTime(),
    created_at: row.created_at.getTime(),
    updated_at: row.updated_at.getTime(),
    properties: row.properties,
    reward_outcome: {
      // An imported action carries the source's rewards, not our rules' lineage.
      kind: imported
        ? row.reward_cents > 0
          ? "rewarded"
          : "no_reward"
        : (outcome.kind ?? "no_reward"),
      reason: imported
        ? "imported"
        : outcome.kind === "no_reward"
          ? (outcome.reason ?? null)
          : null,
      rules: (outcome.rules ?? []).map((rule) => ({
        rule_id: rule.ruleId,
        rule_name: ruleNames.get(rule.ruleId) ?? null,
        outcome: rule.outcome,
        amount: rule.outcome === "rewarded" ? rule.amountCents : null,
      })),
    },
  };
}
