import { z } from "zod";
import { invalidFields } from "../errors/domain-error";
import { cursorQuery, epochMsQuery, exclusiveCursors, limitQuery } from "./common";
import { MAX_INT, externalKey } from "../validation/fields";
import { inputTime, epochMs } from "../validation/times";
import { actionProperties } from "./action-properties";

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const actionType = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "may contain only letters, digits, _ . : and -");

/** The Idempotency-Key header, held to the same rules as a body `key`. */
export function parseIdempotencyKey(header: string): string {
  const parsed = externalKey.safeParse(header);
  if (!parsed.success)
    throw invalidFields([{ field: "Idempotency-Key", message: parsed.error.issues[0].message }]);
  return parsed.data;
}

const occurredAt = inputTime.meta({
  description:
    "When the action happened (ISO 8601 or epoch ms). Default: now. At most 5 minutes in the future.",
});

export const createActionSchema = z
  .object({
    key: externalKey.optional().meta({
      description:
        "Your unique key for this action record; makes retries idempotent. Generated when absent.",
    }),
    external_key: externalKey.optional().meta({
      description:
        "The same as `key`, under the name PartnerStack's API clients send. Send either; when both are sent they must be equal.",
    }),
    target_key: externalKey.meta({ description: "customer_key or partner_key of the target" }),
    target_type: z.enum(["customer", "partnership"], {
      message: 'must be "customer" or "partnership"',
    }),
    type: actionType.meta({ description: "Action type, e.g. signup_completed" }),
    value: z.int("must be a whole number").min(1, "must be at least 1").max(MAX_INT).default(1),
    occurred_at: occurredAt.optional(),
    properties: actionProperties.optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.key !== undefined &&
      value.external_key !== undefined &&
      value.key !== value.external_key
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["external_key"],
        message: `key ${JSON.stringify(value.key)} and external_key ${JSON.stringify(value.external_key)} differ: send one of them, or the same value in both`,
      });
    }
    if (value.occurred_at === undefined) return;
    const at = new Date(value.occurred_at).getTime();
    if (at > Date.now() + FUTURE_TOLERANCE_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["occurred_at"],
        message: "must not be more than 5 minutes in the future",
      });
    }
  });

export type CreateActionInput = z.output<typeof createActionSchema>;

export const MAX_BATCH = 1000;

export const batchSchema = z.object({
  actions: z
    .array(z.unknown())
    .min(1, "must hold at least one action")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} actions`),
});

export const listActionsQuery = z
  .strictObject({
    min_created: epochMsQuery.optional(),
    max_created: epochMsQuery.optional(),
    min_updated: epochMsQuery.optional(),
    max_updated: epochMsQuery.optional(),
    partnership_key: externalKey.optional(),
    action_type: actionType.optional(),
    order_by: z
      .enum(["created_at", "-created_at"], { message: 'must be "created_at" or "-created_at"' })
      .default("-created_at"),
    limit: limitQuery,
    ...cursorQuery,
  })
  .superRefine(exclusiveCursors);

export type ListActionsQuery = z.output<typeof listActionsQuery>;

const customerRef = z.object({
  key: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});

const rewardLineage = z.object({
  rule_id: z.int(),
  rule_name: z.string().nullable(),
  outcome: z.enum(["rewarded", "rule_inactive", "value_below_minimum", "outside_group"]),
  amount: z.int().nullable().meta({ description: "Reward amount in cents, when rewarded" }),
});

export const actionOutput = z.object({
  key: z.string(),
  type: z.string(),
  value: z.int(),
  target_type: z.enum(["customer", "partnership"]),
  archived: z.boolean(),
  partnership_key: z.string(),
  customer: customerRef.nullable(),
  occurred_at: epochMs,
  created_at: epochMs,
  updated_at: epochMs,
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).meta({
    description: "The action's properties as sent ({} when none): an Actionboard extension",
    "x-actionboard-extension": true,
  }),
  reward_outcome: z.object({
    kind: z.enum(["rewarded", "no_reward"]),
    reason: z.string().nullable(),
    rules: z.array(rewardLineage),
  }),
});

export type ActionOutput = z.output<typeof actionOutput>;
