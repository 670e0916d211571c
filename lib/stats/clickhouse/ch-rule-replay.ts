import { chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import { toReplayPartnerRow, type ReplayPartnerRow, type ReplayRule } from "../engine";
import type { ReplayRuleSets } from "../engine";
import type { TabScope } from "../scope";
import { chMatchingActions, chMatchingTotals, coversAllTime } from "./ch-matching-actions";

/**
 * What one rule set pays a key (k: partnership × type × value, p: its partnership) per action:
 * the sum over the set's rules (bound as arrays) of those that match it, in Int128.
 */
function price(rules: ReplayRule[]): ChSql {
  const column = (f: (r: ReplayRule) => number) => rules.map(f);
  return chsql`arraySum(arrayMap((t, mn, g, amt, mul) ->
      if(t = k.action_type_id AND k.value >= mn AND (g = 0 OR g = p.group_id),
         toInt128(amt) * if(mul = 1, toInt128(k.value), toInt128(1)), toInt128(0)),
      ${column((r) => r.actionTypeId)}, ${column((r) => r.minValue ?? 0)},
      ${column((r) => r.groupId ?? 0)}, ${column((r) => r.amountCents)},
      ${column((r) => (r.multiplyByValue ? 1 : 0))}))`;
}

/** The scope's actions per partnership × type × value: from the totals summed ahead for any time. */
function keyed(scope: TabScope): ChSql {
  if (coversAllTime(scope)) {
    const { from, where } = chMatchingTotals(scope);
    return chsql`SELECT a.partnership_id AS partnership_id, a.action_type_id AS action_type_id,
        a.value AS value, sum(a.occurrences) AS n, sum(a.reward_cents) AS recorded
      FROM ${from} WHERE ${where} GROUP BY partnership_id, action_type_id, value`;
  }
  const { from, where } = chMatchingActions(scope);
  return chsql`SELECT a.partnership_id AS partnership_id, a.action_type_id AS action_type_id,
      a.value AS value, count() AS n, sum(a.reward_cents) AS recorded
    FROM ${from} WHERE ${where} GROUP BY partnership_id, action_type_id, value`;
}

/** Twin of pgRuleReplay: the same keys, priced by each set's matching rules, per partnership. */
export async function chRuleReplay(
  ch: ClickHouse,
  scope: TabScope,
  rules: ReplayRuleSets,
): Promise<ReplayPartnerRow[]> {
  const rows = await ch.query<Record<keyof ReplayPartnerRow, number | string>>(chsql`
    SELECT partnership_id AS partnershipId, group_id AS groupId, sum(n) AS actions,
           sumIf(n, today != draft) AS affected, toString(sum(recorded)) AS recordedCents,
           toString(sum(today * n)) AS todayCents, toString(sum(draft * n)) AS draftCents
    FROM (
      SELECT k.partnership_id AS partnership_id, p.group_id AS group_id, k.n AS n,
             toInt128(k.recorded) AS recorded, ${price(rules.today)} AS today,
             ${price(rules.draft)} AS draft
      FROM (${keyed(scope)}) AS k
      JOIN (SELECT id, group_id FROM ${chTable("partnerships")} FINAL
            WHERE program_id = ${scope.programId}) AS p ON p.id = k.partnership_id)
    GROUP BY partnership_id, group_id ORDER BY partnership_id`);
  return rows.map(toReplayPartnerRow);
}
