import { z } from "zod";
import { actionType } from "./actions";
import { cursorQuery, exclusiveCursors, limitQuery } from "./common";
import { externalKey } from "../validation/fields";
import { epochMs } from "../validation/times";

const REWARD_STATUSES = ["pending", "approved", "declined", "paid"] as const;

export const listRewardsQuery = z
  .strictObject({
    partnership_key: externalKey.optional(),
    action_type: actionType.optional(),
    status: z
      .enum(REWARD_STATUSES, { message: `must be one of ${REWARD_STATUSES.join(", ")}` })
      .optional(),
    limit: limitQuery,
    ...cursorQuery,
  })
  .superRefine(exclusiveCursors);

export const rewardOutput = z.object({
  key: z.string().meta({
    description:
      "Opaque, unique in the program: `rwd_` and 24 hex digits (rewards from before 2026-11-26 keep `rwd_<number>`)",
  }),
  amount: z.int().meta({ description: "Amount in cents" }),
  currency: z.string(),
  status: z.enum(REWARD_STATUSES),
  archived: z.boolean(),
  partnership_key: z.string(),
  action_key: z.string(),
  action_type: z.string(),
  rule: z.object({ id: z.int(), name: z.string() }).nullable().meta({
    description: "The rule that made it; null for rewards imported from another platform",
  }),
  origin: z.enum(["rule", "imported", "backfill"]).meta({
    description:
      "rule: made on receipt; imported: copied by a PartnerStack import; backfill: made by running the rules over imported history",
  }),
  created_at: epochMs,
  updated_at: epochMs,
});

export type ListRewardsQuery = z.output<typeof listRewardsQuery>;
export type RewardOutput = z.output<typeof rewardOutput>;
