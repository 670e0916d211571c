import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import type { ReplayPartnerRow, ReplayRule } from "./engine";
import type { TabScope } from "./scope";

/** A replay's numbers summed: over every partnership, or over one group's. */
export interface ReplayTotals {
  actions: number;
  affected: number;
  recordedCents: bigint;
  todayCents: bigint;
  draftCents: bigint;
  /** draft − today: what the change would have paid more (negative: less). */
  differenceCents: bigint;
}

export type ReplayPartner = ReplayPartnerRow & { differenceCents: bigint };
export type ReplayGroup = ReplayTotals & { groupId: number };

export interface RuleReplay {
  totals: ReplayTotals;
  /** Every partnership with matching actions, by partnership id. */
  partners: ReplayPartner[];
  /** Per group (the partnerships' groups now), by group id. */
  groups: ReplayGroup[];
}

/** The rules that pay, as an engine applies them: inactive rules pay nothing and are left out. */
export function replayRules(rules: RuleForEvaluation[]): ReplayRule[] {
  return rules
    .filter((rule) => rule.active)
    .map(({ actionTypeId, minValue, groupId, amountCents, multiplyByValue }) => ({
      actionTypeId,
      minValue,
      groupId,
      amountCents,
      multiplyByValue,
    }));
}

function sum(rows: ReplayPartnerRow[]): ReplayTotals {
  const totals = {
    actions: 0,
    affected: 0,
    recordedCents: 0n,
    todayCents: 0n,
    draftCents: 0n,
  };
  for (const row of rows) {
    totals.actions += row.actions;
    totals.affected += row.affected;
    totals.recordedCents += row.recordedCents;
    totals.todayCents += row.todayCents;
    totals.draftCents += row.draftCents;
  }
  return { ...totals, differenceCents: totals.draftCents - totals.todayCents };
}

/**
 * Rules tried on history: the scope's actions (its timeframe and filters, archived actions left
 * out as on the tab) priced by the published rules (`today`) and by the draft, without writing
 * anything. One engine statement; partnerships, groups and totals are sums of its rows, so every
 * breakdown adds up to the totals exactly.
 */
export async function getRuleReplay(
  scope: TabScope,
  rules: { today: RuleForEvaluation[]; draft: RuleForEvaluation[] },
): Promise<RuleReplay> {
  const rows = await scope.engine.ruleReplay(scope, {
    today: replayRules(rules.today),
    draft: replayRules(rules.draft),
  });
  const partners = rows.map((row) => ({
    ...row,
    differenceCents: row.draftCents - row.todayCents,
  }));
  const byGroup = new Map<number, ReplayPartnerRow[]>();
  for (const row of rows) {
    const members = byGroup.get(row.groupId);
    if (members) members.push(row);
    else byGroup.set(row.groupId, [row]);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => a - b)
    .map(([groupId, members]) => ({ groupId, ...sum(members) }));
  return { totals: sum(rows), partners, groups };
}
