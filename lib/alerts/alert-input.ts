import { z } from "zod";
import { formRowId } from "../forms/form-row-id";
import { recipientList, webhookUrlField } from "../deliveries/schedule-input";
import { SENSITIVITIES } from "./judge";

const blankToUndefined = (v: unknown) =>
  v === null || v === undefined || v === "" ? undefined : v;

/** The "New alert" form. Field names are the form's, so an error names what to fix. */
export const alertInput = z
  .object({
    savedViewId: formRowId,
    metric: z.enum(
      ["occurrences", "rewards", "type"],
      "Choose occurrences, rewards or an action type",
    ),
    actionTypeId: z.preprocess(blankToUndefined, formRowId.optional()),
    per: z.enum(["view", "partner", "group"], "Choose the whole view, each partner or each group"),
    condition: z.enum(["above", "below", "unusual"], "Choose above, below or away from usual"),
    threshold: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Give a number")
        .min(0, "Give a number of 0 or more")
        .max(1e12, "Give a number up to 1,000,000,000,000")
        .optional(),
    ),
    sensitivity: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Choose a sensitivity")
        .refine((n) => SENSITIVITIES.some((s) => s.value === n), "Choose a sensitivity")
        .optional(),
    ),
    frequency: z.enum(["hourly", "daily"], "Choose every hour or every day"),
    channel: z.enum(["email", "webhook"], "Choose email or webhook"),
    recipients: z.preprocess((v) => v ?? "", recipientList),
    webhookUrl: webhookUrlField,
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (v.metric === "type" && v.actionTypeId === undefined)
      need("actionTypeId", "Choose the action type to count");
    if (v.condition !== "unusual" && v.threshold === undefined)
      need("threshold", "Give the number to compare with");
    if (v.condition === "unusual" && v.sensitivity === undefined)
      need("sensitivity", "Choose a sensitivity");
    if (v.channel === "email" && v.recipients.length === 0)
      need("recipients", "Add at least one recipient");
    if (v.channel === "webhook" && !v.webhookUrl)
      need("webhookUrl", "Give the webhook's https:// URL");
  });

export type AlertInput = z.output<typeof alertInput>;

export const ALERT_FIELDS = [
  "savedViewId",
  "metric",
  "actionTypeId",
  "per",
  "condition",
  "threshold",
  "sensitivity",
  "frequency",
  "channel",
  "recipients",
  "webhookUrl",
] as const;
