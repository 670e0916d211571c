import "server-only";
import { invalidFields, refused, type FormRefusal } from "../forms/form-result";
import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import { loadView, type View } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import type { RawSearchParams } from "../stats/url/load-tab-state";
import { applyRuleChange, type RuleChange } from "./rule-change";
import { draftInput, ruleDraftSchema, type DraftKey } from "./rule-draft-schema";
import { resolveRuleDraft } from "./resolve-rule-draft";

const CHECK = "Check the highlighted fields.";

export type DraftState =
  | { state: "none" }
  | { state: "refused"; refusal: FormRefusal }
  | {
      state: "ready";
      change: RuleChange;
      rules: { today: RuleForEvaluation[]; draft: RuleForEvaluation[] };
    };

export interface TriedChange {
  view: View;
  /** The draft's fields as the URL gave them, to show in the form again. */
  input: Partial<Record<DraftKey, string>>;
  draft: DraftState;
}

/**
 * The one reading of a "Try on history" URL, for the page and its CSV alike: the tab's filters
 * and timeframe (the Actions tab's parsers, so the same parameters mean the same rows), and the
 * draft validated (zod) and resolved against the program, or its refusals by field. Reads only.
 */
export async function tryRuleChange(
  sources: TabSources,
  program: { id: number; timezone: string },
  query: RawSearchParams,
): Promise<TriedChange> {
  const view = await loadView(sources, program, query, { reads: "filters" });
  const input = draftInput(query);
  if (input.change === undefined) return { view, input, draft: { state: "none" } };
  const parsed = ruleDraftSchema.safeParse(input);
  if (!parsed.success)
    return {
      view,
      input,
      draft: { state: "refused", refusal: invalidFields(parsed.error, CHECK) },
    };
  const resolved = await resolveRuleDraft(sources.db.prisma, program.id, parsed.data);
  if (!resolved.ok)
    return {
      view,
      input,
      draft: { state: "refused", refusal: refused(CHECK, { fields: resolved.fields }) },
    };
  const { change, rules } = resolved;
  return {
    view,
    input,
    draft: {
      state: "ready",
      change,
      rules: { today: rules, draft: applyRuleChange(rules, change) },
    },
  };
}
