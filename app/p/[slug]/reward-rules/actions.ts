"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidFields, refused, type FormResult } from "@/lib/forms/form-result";
import { formText, programAction } from "@/lib/programs/program-action";
import { canEditRewardRules } from "@/lib/programs/roles";
import { rewardRuleFormSchema } from "@/lib/reward-rules/reward-rule-schema";
import { saveRewardRule } from "@/lib/reward-rules/save-reward-rule";

/** Refused, or never answered: a saved rule redirects to the list. */
export type RuleFormState = FormResult;

export const saveRewardRuleAction = programAction({
  allow: canEditRewardRules,
  refusal: "Only owners and managers can edit reward rules.",
  input: (_prev: RuleFormState, form: FormData) => formText(form),
  schema: rewardRuleFormSchema,
  invalid: (error) => invalidFields(error, "Check the highlighted fields."),
  async run({ program, slug, prisma, user }, rule): Promise<RuleFormState> {
    const result = await saveRewardRule(prisma, program.id, rule, user);
    if (!result.ok) return refused(result.message, { fields: { [result.field]: result.message } });
    revalidatePath(`/p/${slug}/reward-rules`);
    redirect(`/p/${slug}/reward-rules?saved=${result.id}`);
  },
});
