"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireProgramAccess } from "@/lib/programs/require-program-access";
import { canEditRewardRules } from "@/lib/programs/roles";
import { rewardRuleFormSchema } from "@/lib/reward-rules/reward-rule-schema";
import { saveRewardRule } from "@/lib/reward-rules/save-reward-rule";

export type RuleFormState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so a refused form shows the user's input again. */
  values?: Record<string, string>;
};

export async function saveRewardRuleAction(
  slug: string,
  _prev: RuleFormState,
  form: FormData,
): Promise<RuleFormState> {
  const access = await requireProgramAccess(slug);
  if (!canEditRewardRules(access.role))
    return { message: "Only owners and managers can edit reward rules." };
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const parsed = rewardRuleFormSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { message: "Check the highlighted fields.", fieldErrors, values };
  }
  const result = await saveRewardRule(access.program.id, parsed.data);
  if (!result.ok)
    return { message: result.message, fieldErrors: { [result.field]: result.message } };
  revalidatePath(`/p/${slug}/reward-rules`);
  redirect(`/p/${slug}/reward-rules?saved=${result.id}`);
}
