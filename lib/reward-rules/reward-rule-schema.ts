import { z } from "zod";
import { actionType } from "../schemas/actions";
import { storable } from "../validation/fields";
import { formRowId } from "../forms/form-row-id";

const optionalInt = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,9})?$/, message)
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || v >= 1, message);

/** The reward rule form, as submitted (all strings), to stored values. */
export const rewardRuleFormSchema = z.object({
  // The rule being edited (empty for a new one): a row id, or a refusal — never a database error,
  // and never "1.5" read as rule 1.
  id: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const id = formRowId.safeParse(v);
      if (!/^\d+$/.test(v) || !id.success) {
        ctx.addIssue({ code: "custom", message: "No such rule in this program" });
        return z.NEVER;
      }
      return id.data;
    }),
  name: storable(
    z.string().trim().min(1, "Give the rule a name").max(100, "At most 100 characters"),
  ),
  actionType: actionType,
  minValue: optionalInt("Minimum value must be a whole number of at least 1"),
  groupKey: storable(z.string().max(255, "No such group in this program"))
    .optional()
    .transform((v) => v || null),
  amount: z
    .string()
    .trim()
    .regex(
      /^\d{1,7}(\.\d{1,2})?$/,
      "Amount must be a number with at most 2 decimals, e.g. 25 or 12.50",
    )
    .transform((v) => Math.round(Number(v) * 100)),
  multiplyByValue: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export type RewardRuleForm = z.output<typeof rewardRuleFormSchema>;
