// Reads what the database holds for the check's program with plain SQL (not the app's query
// code) and compares it, action by action, with the checks' own expectations.
import type { SqlRunner } from "../../lib/db/sql-runner";
import type { ExpectedAction } from "./expected";

interface StoredAction {
  type: string;
  value: number;
  partnerKey: string;
  customerKey: string | null;
  occurredAt: number;
  rewardCents: number;
  archived: boolean;
  /** Rule name → the rewards stored for this action by that rule. */
  rewards: Map<string, { count: number; cents: number; samePartner: boolean; live: boolean }>;
}

interface StoredTotals {
  actions: number;
  totalValue: number;
  rewardCents: number;
  partners: number;
  customers: number;
  rewards: number;
  rewardsCents: number;
}

/** Every action of the program by key, with the rewards that point at it. */
export async function readStoredActions(
  runner: SqlRunner,
  programId: number,
): Promise<Map<string, StoredAction>> {
  const rows = await runner.query<{
    key: string;
    type: string;
    value: number;
    partner_key: string;
    customer_key: string | null;
    occurred_ms: number;
    reward_cents: number;
    archived: boolean;
  }>(
    `SELECT a.key, t.name AS type, a.value, p.partner_key, c.customer_key,
            (extract(epoch FROM a.occurred_at) * 1000)::float8 AS occurred_ms,
            a.reward_cents, a.archived_at IS NOT NULL AS archived
     FROM actions a
     JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
     JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id
     LEFT JOIN customers c ON c.program_id = a.program_id AND c.id = a.customer_id
     WHERE a.program_id = $1`,
    [programId],
  );
  const stored = new Map<string, StoredAction>();
  for (const r of rows) {
    stored.set(r.key, {
      type: r.type,
      value: r.value,
      partnerKey: r.partner_key,
      customerKey: r.customer_key,
      occurredAt: Math.round(r.occurred_ms),
      rewardCents: r.reward_cents,
      archived: r.archived,
      rewards: new Map(),
    });
  }
  const rewards = await runner.query<{
    key: string;
    rule: string;
    n: number;
    cents: number;
    same_partner: boolean;
    live: boolean;
  }>(
    `SELECT a.key, rr.name AS rule, count(*)::int AS n, sum(r.amount_cents)::int AS cents,
            bool_and(r.partnership_id = a.partnership_id) AS same_partner,
            bool_and(r.archived_at IS NULL) AS live
     FROM rewards r
     JOIN actions a ON a.program_id = r.program_id AND a.id = r.action_id
     JOIN reward_rules rr ON rr.program_id = r.program_id AND rr.id = r.rule_id
     WHERE r.program_id = $1
     GROUP BY a.key, rr.name`,
    [programId],
  );
  for (const r of rewards) {
    stored.get(r.key)?.rewards.set(r.rule, {
      count: r.n,
      cents: r.cents,
      samePartner: r.same_partner,
      live: r.live,
    });
  }
  return stored;
}

/** Aggregates counted straight from the tables, as the tab should count them (nothing archived). */
export async function readStoredTotals(runner: SqlRunner, programId: number) {
  const [a] = await runner.query<Record<string, number>>(
    `SELECT count(*)::int AS actions, coalesce(sum(value), 0)::float8 AS total_value,
            coalesce(sum(reward_cents), 0)::float8 AS reward_cents,
            count(DISTINCT partnership_id)::int AS partners,
            count(DISTINCT customer_id)::int AS customers
     FROM actions WHERE program_id = $1 AND archived_at IS NULL`,
    [programId],
  );
  const [r] = await runner.query<Record<string, number>>(
    `SELECT count(*)::int AS rewards, coalesce(sum(amount_cents), 0)::float8 AS cents
     FROM rewards WHERE program_id = $1`,
    [programId],
  );
  return {
    actions: a.actions,
    totalValue: a.total_value,
    rewardCents: a.reward_cents,
    partners: a.partners,
    customers: a.customers,
    rewards: r.rewards,
    rewardsCents: r.cents,
  } satisfies StoredTotals;
}

/** How a stored action differs from what was sent and what the rules say (empty: it matches). */
export function compareAction(key: string, want: ExpectedAction, got: StoredAction): string[] {
  const problems: string[] = [];
  const differs = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== actual) problems.push(`${key}: ${what} ${actual}, expected ${expected}`);
  };
  differs("type", want.type, got.type);
  differs("value", want.value, got.value);
  differs("partnership", want.partnerKey, got.partnerKey);
  differs("customer", want.customerKey, got.customerKey);
  if (want.occurredAt !== null) differs("occurred_at", want.occurredAt, got.occurredAt);
  differs("archived", false, got.archived);
  differs("reward_cents", want.rewardCents, got.rewardCents);
  const storedSum = [...got.rewards.values()].reduce((sum, r) => sum + r.cents, 0);
  differs("sum of its rewards", got.rewardCents, storedSum);
  for (const [rule, cents] of want.rewards) {
    const reward = got.rewards.get(rule);
    if (!reward) {
      problems.push(`${key}: no reward by "${rule}"`);
      continue;
    }
    differs(`rewards by "${rule}"`, 1, reward.count);
    differs(`reward by "${rule}" in cents`, cents, reward.cents);
    differs(`reward by "${rule}" to the action's partnership`, true, reward.samePartner);
    differs(`reward by "${rule}" live`, true, reward.live);
  }
  for (const rule of got.rewards.keys()) {
    if (!want.rewards.has(rule)) problems.push(`${key}: unexpected reward by "${rule}"`);
  }
  return problems;
}
