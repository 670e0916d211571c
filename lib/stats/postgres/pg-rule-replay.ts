import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { OpenDatabase } from "../../db/open";
import {
  toReplayPartnerRow,
  type ReplayPartnerRow,
  type ReplayRule,
  type ReplayRuleSets,
} from "../engine";
import type { TabScope } from "../scope";
import { matchingActions } from "./matching-actions";

/** Both rule sets as columns for `unnest` (set 0 = today, 1 = draft; 0 = no minimum, any group). */
function ruleColumns({ today, draft }: ReplayRuleSets) {
  const all: [number, ReplayRule][] = [
    ...today.map((r): [number, ReplayRule] => [0, r]),
    ...draft.map((r): [number, ReplayRule] => [1, r]),
  ];
  const column = (f: (set: number, r: ReplayRule) => number) => all.map(([s, r]) => f(s, r));
  return Prisma.sql`unnest(
    ${column((s) => s)}::int[], ${column((_, r) => r.actionTypeId)}::int[],
    ${column((_, r) => r.minValue ?? 0)}::int[], ${column((_, r) => r.groupId ?? 0)}::int[],
    ${column((_, r) => r.amountCents)}::bigint[], ${column((_, r) => (r.multiplyByValue ? 1 : 0))}::int[]
  ) AS r(rule_set, action_type_id, min_value, group_id, amount_cents, multiply)`;
}

/**
 * The replay as one statement: the scope's actions counted per partnership × type × value (the
 * only facts a rule reads, with the partnership's group), each key priced by every rule of each
 * set that matches it — the sum of every matching rule, as evaluateRewardRules pays — then
 * summed per partnership. numeric, so no total can overflow.
 */
export async function pgRuleReplay(
  db: OpenDatabase,
  scope: TabScope,
  rules: ReplayRuleSets,
): Promise<ReplayPartnerRow[]> {
  const { from, where } = matchingActions(scope);
  const price = (set: number) => Prisma.sql`COALESCE(sum(r.amount_cents::numeric
      * CASE WHEN r.multiply = 1 THEN k.value ELSE 1 END) FILTER (WHERE r.rule_set = ${set}), 0)`;
  const rows = await db.prisma.$queryRaw<Record<keyof ReplayPartnerRow, bigint | string>[]>`
    WITH keyed AS (
      SELECT a.partnership_id, a.action_type_id, a.value, count(*) AS n,
             sum(a.reward_cents) AS recorded
      FROM ${from} WHERE ${where}
      GROUP BY a.partnership_id, a.action_type_id, a.value
    ),
    priced AS (
      SELECT k.partnership_id, p.group_id, k.n, k.recorded, ${price(0)} AS today,
             ${price(1)} AS draft
      FROM keyed k
      JOIN partnerships p ON p.program_id = ${scope.programId} AND p.id = k.partnership_id
      LEFT JOIN ${ruleColumns(rules)}
        ON r.action_type_id = k.action_type_id AND k.value >= r.min_value
       AND (r.group_id = 0 OR r.group_id = p.group_id)
      GROUP BY k.partnership_id, k.action_type_id, k.value, p.group_id, k.n, k.recorded
    )
    SELECT partnership_id AS "partnershipId", group_id AS "groupId", sum(n) AS "actions",
           COALESCE(sum(n) FILTER (WHERE today <> draft), 0) AS "affected",
           sum(recorded)::text AS "recordedCents", sum(today * n)::text AS "todayCents",
           sum(draft * n)::text AS "draftCents"
    FROM priced GROUP BY partnership_id, group_id ORDER BY partnership_id`;
  return rows.map(toReplayPartnerRow);
}
