"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formText, programAction } from "@/lib/programs/program-action";
import { canEditRewardRules } from "@/lib/programs/roles";
import { rewardRuleFormSchema } from "@/lib/reward-rules/reward-rule-schema";
import { saveRewardRule } from "@/lib/reward-rules/save-reward-rule";

export type RuleFormState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so a refused form shows the user's input again. */
  values?: Record<string, string>;
};

export const saveRewardRuleAction = programAction({
  allow: canEditRewardRules,
  refusal: "Only owners and managers can edit reward rules.",
  input: (_prev: RuleFormState, form: FormData) => formText(form),
  schema: rewardRuleFormSchema,
  refused: (message): RuleFormState => ({ message }),
  invalid(error, values): RuleFormState {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return {
      message: "Check the highlighted fields.",
      fieldErrors,
      values: values as Record<string, string>,
    };
  },
  async run({ program, slug, prisma, user }, rule): Promise<RuleFormState> {
    const result = await saveRewardRule(prisma, program.id, rule, user);
    if (!result.ok)
      return { message: result.message, fieldErrors: { [result.field]: result.message } };
    revalidatePath(`/p/${slug}/reward-rules`);
    redirect(`/p/${slug}/reward-rules?saved=${result.id}`);
  },
});
