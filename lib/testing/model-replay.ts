// The plain-JavaScript model of a rule replay: evaluateRewardRules itself, applied to the seeded
// actions one at a time (the seeding's own record of them, not the database's).
import { evaluateRewardRules, type RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import type { ReplayPartnerRow } from "../stats/engine";
import type { SeededProgram } from "./seed-random-world";

const paid = (rules: RuleForEvaluation[], action: Parameters<typeof evaluateRewardRules>[0]) =>
  evaluateRewardRules(action, rules).rules.reduce(
    (sum, r) => sum + (r.outcome === "rewarded" ? BigInt(r.amountCents) : 0n),
    0n,
  );

/** The replay computed from the seeding's own record of the actions, one action at a time. */
export function modelReplay(
  s: SeededProgram,
  groupOf: Map<number, number>,
  draft: RuleForEvaluation[],
  range: { start: number | null; end: number | null },
  /** The filters the model reads itself: on the partnership's group and the action's type. */
  keep: (groupId: number, actionTypeId: number) => boolean = () => true,
): ReplayPartnerRow[] {
  const rows = new Map<number, ReplayPartnerRow>();
  for (const a of s.actions) {
    if (a.archived) continue;
    if (range.start !== null && a.occurredAt < range.start) continue;
    if (range.end !== null && a.occurredAt >= range.end) continue;
    const groupId = groupOf.get(a.partnershipId)!;
    if (!keep(groupId, a.typeId)) continue;
    const action = { actionTypeId: a.typeId, value: a.value, groupId, archived: false };
    const today = paid(s.rules, action);
    const withDraft = paid(draft, action);
    const row = rows.get(a.partnershipId) ?? {
      partnershipId: a.partnershipId,
      groupId,
      actions: 0,
      affected: 0,
      recordedCents: 0n,
      todayCents: 0n,
      draftCents: 0n,
    };
    row.actions += 1;
    row.affected += today === withDraft ? 0 : 1;
    row.recordedCents += BigInt(a.rewardCents);
    row.todayCents += today;
    row.draftCents += withDraft;
    rows.set(a.partnershipId, row);
  }
  return [...rows.values()].sort((x, y) => x.partnershipId - y.partnershipId);
}
