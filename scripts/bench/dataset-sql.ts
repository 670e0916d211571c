import { ACTION_TYPES, EMAIL_DOMAINS, LAST_NAMES, TAGS, type BenchProgram } from "./dataset-spec";

// Everything here is SQL text built from our own numbers and names, never from input.

/** A deterministic pseudo-random integer in [0, 2^31) for row `expr` and stream `salt` (< 64). */
const h = (expr: string, salt: number) =>
  `(hashint8((${expr})::bigint * 64 + ${salt}) & 2147483647)`;
/** The same as a fraction in [0, 1). */
const u = (expr: string, salt: number) => `(${h(expr, salt)} / 2147483648.0)`;

const SPAN_DAYS = 730;
const SPAN_MS = SPAN_DAYS * 86_400_000;
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: string[]) => `ARRAY[${items.map(quote).join(", ")}]`;
const typeIndex = (name: string) => ACTION_TYPES.findIndex(([n]) => n === name) + 1;

/** Users, the program, its members, groups, tags, types and rules: the small tables. */
export function programSql(p: BenchProgram, anchor: string): string {
  const b = p.base;
  const at = `'${anchor}'::timestamptz`;
  return `
    INSERT INTO users (id, email, name, password_hash)
      SELECT ${b.user} + k, 'manager' || k || '.' || ${quote(p.slug)} || '@bench.test', 'Manager ' || k || ' (' || ${quote(p.name)} || ')', 'not-a-login'
      FROM generate_series(1, ${p.managers}) k;
    INSERT INTO programs (id, slug, name, timezone, currency, created_at)
      VALUES (${p.id}, ${quote(p.slug)}, ${quote(p.name)}, ${quote(p.timezone)}, 'USD', ${at} - interval '${SPAN_DAYS + 30} days');
    INSERT INTO memberships (program_id, user_id, role)
      SELECT ${p.id}, ${b.user} + k, 'manager' FROM generate_series(1, ${p.managers}) k;
    INSERT INTO groups (program_id, id, key, name, slug)
      SELECT ${p.id}, ${b.group} + g, 'group_' || g, (${textArray(p.groups)})[g], 'group-' || g
      FROM generate_series(1, ${p.groups.length}) g;
    INSERT INTO tags (program_id, id, name)
      SELECT ${p.id}, ${b.tag} + t, (${textArray(TAGS.map(([n]) => n))})[t] FROM generate_series(1, ${TAGS.length}) t;
    INSERT INTO action_types (program_id, id, name)
      SELECT ${p.id}, ${b.type} + t, (${textArray(ACTION_TYPES.map(([n]) => n))})[t]
      FROM generate_series(1, ${p.types}) t;
    INSERT INTO reward_rules (program_id, id, name, action_type_id, amount_cents, multiply_by_value, active) VALUES
      (${p.id}, ${b.rule + 1}, 'Purchase commission', ${b.type + typeIndex("purchase")}, 1000, true, true),
      (${p.id}, ${b.rule + 2}, 'Signup bounty', ${b.type + typeIndex("signup_completed")}, 200, false, true),
      (${p.id}, ${b.rule + 3}, 'Trial bonus', ${b.type + typeIndex("trial_started")}, 50, false, false);`;
}

/**
 * Partnerships (names `gen<i>`, so `name=gen12` matches gen12, gen120–129, gen1200–1299, …),
 * their tags and their customers (customer i belongs to partnership 1 + (i − 1) mod partners).
 */
export function partnersSql(p: BenchProgram, anchor: string): string {
  const b = p.base;
  const at = `'${anchor}'::timestamptz`;
  const tags = TAGS.map(
    ([, share], t) => `
    INSERT INTO partnership_tags (program_id, partnership_id, tag_id)
      SELECT ${p.id}, ${b.partner} + i, ${b.tag + t + 1} FROM generate_series(1, ${p.partners}) i
      WHERE ${h("i", 30 + t)} % 100 < ${share};`,
  ).join("");
  return `
    INSERT INTO partnerships (program_id, id, partner_key, first_name, last_name, email, group_id,
        manager_user_id, is_marketplace, joined_at, archived_at, created_at, updated_at)
      SELECT ${p.id}, ${b.partner} + i, 'partner_' || i, 'gen' || i,
        (${textArray(LAST_NAMES)})[1 + ${h("i", 21)} % ${LAST_NAMES.length}],
        'gen' || i || '@' || (${textArray(EMAIL_DOMAINS)})[1 + ${h("i", 22)} % ${EMAIL_DOMAINS.length}],
        -- The first group holds most partnerships (≈ 40 % in a program of six groups).
        ${b.group} + 1 + floor(${p.groups.length} * power(${u("i", 23)}, 2))::int,
        CASE WHEN ${h("i", 24)} % 5 = 0 THEN NULL ELSE ${b.user} + 1 + ${h("i", 25)} % ${p.managers} END,
        ${h("i", 26)} % 100 < 15,
        ${at} - interval '1 day' * (${SPAN_DAYS + 30} * ${u("i", 27)}),
        CASE WHEN ${h("i", 28)} % 100 < 5 THEN ${at} - interval '1 day' * (60 * ${u("i", 29)}) END,
        ${at} - interval '${SPAN_DAYS + 30} days', ${at}
      FROM generate_series(1, ${p.partners}) i;
    ${tags}
    INSERT INTO customers (program_id, id, customer_key, email, partnership_id, created_at, updated_at)
      SELECT ${p.id}, ${b.customer} + i, 'cus_' || i,
        CASE WHEN ${h("i", 40)} % 10 = 0 THEN NULL ELSE 'customer' || i || '@example.test' END,
        ${b.partner} + 1 + (i - 1) % ${p.partners}, ${at} - interval '${SPAN_DAYS} days', ${at}
      FROM generate_series(1, ${p.customers}) i;`;
}

/**
 * The random columns of action `i` (partnership `pk`, type `t`, value `v`, receipt time
 * `received`) for the program's spread; `hv` and the rest are shared.
 */
function spreadSql(p: BenchProgram, at: string) {
  if (p.spread === "wide") {
    return {
      pk: `1 + ${h("i", 1)} % ${p.partners}`,
      x: `${h("i", 2)} % ${p.types}`,
      type: `x + 1`,
      value: `1 + ${h("i", 8)} % 20`,
      received: `${at} - interval '1 millisecond' * floor(${SPAN_MS} * (1 - i::float8 / ${p.actions}))`,
    };
  }
  let cumulative = 0;
  const typeCase = ACTION_TYPES.map(([, share], t) => {
    cumulative += share;
    return `WHEN x < ${cumulative} THEN ${t + 1}`;
  }).join(" ");
  const purchase = typeIndex("purchase");
  return {
    pk: `1 + (floor(${p.partners} * power(${u("i", 1)}, 4))::bigint * 7919) % ${p.partners}`,
    x: `${h("i", 2)} % 100`,
    type: `CASE ${typeCase} ELSE ${ACTION_TYPES.length} END`,
    value: `CASE WHEN t = ${purchase} THEN 1 + hv % 5 WHEN hv % 10 = 0 THEN 2 + hv % 3 ELSE 1 END`,
    received: `${at} - interval '1 millisecond' * floor(${SPAN_MS} * (1 - power(i::float8 / ${p.actions}, 0.8)))`,
  };
}

/**
 * Actions `from`..`to` (1-based) of a program. Spread `power`: partnerships by a power law (the busiest 1 % of
 * partnerships make ≈ 30 % of the actions; the busiest rank is spread over ids by a fixed
 * permutation), 2 years of occurred_at growing towards the anchor, ids in arrival order with
 * events up to 6 hours older than their receipt, 75 % about a customer of the same partnership,
 * 1 % archived, rewards on purchases (1,000 cents × value) and completed signups (200 cents),
 * a property `plan` (starter, growth or enterprise) on half of them.
 * Spread `wide`: partnership, type and value 1–20 uniform, times uniform over the two years.
 */
export function actionsSql(p: BenchProgram, from: number, to: number, anchor: string): string {
  const b = p.base;
  const at = `'${anchor}'::timestamptz`;
  const spread = spreadSql(p, at);
  const purchase = typeIndex("purchase");
  const signup = typeIndex("signup_completed");
  const trial = typeIndex("trial_started");
  const perPartner = Math.floor(p.customers / p.partners);
  return `
    INSERT INTO actions (program_id, id, key, action_type_id, value, target_type, partnership_id,
        customer_id, occurred_at, created_at, updated_at, archived_at, reward_outcome, reward_cents,
        properties)
    SELECT ${p.id}, ${b.action} + i, 'act_' || i, ${b.type} + t, v,
      (CASE WHEN cust THEN 'customer' ELSE 'partnership' END)::"TargetType",
      ${b.partner} + pk, CASE WHEN cust THEN ${b.customer} + pk + ${p.partners} * cj END,
      received - early, received, received,
      CASE WHEN arch THEN LEAST(received + interval '1 day', ${at}) END,
      (CASE
        WHEN t = ${purchase} THEN '{"kind":"rewarded","rules":[{"ruleId":${b.rule + 1},"outcome":"rewarded","amountCents":' || 1000 * v || '}]}'
        WHEN t = ${signup} THEN '{"kind":"rewarded","rules":[{"ruleId":${b.rule + 2},"outcome":"rewarded","amountCents":200}]}'
        WHEN t = ${trial} THEN '{"kind":"no_reward","reason":"no_rule_matched","rules":[{"ruleId":${b.rule + 3},"outcome":"rule_inactive"}]}'
        ELSE '{"kind":"no_reward","reason":"no_rule_for_type","rules":[]}' END)::jsonb,
      CASE WHEN t = ${purchase} THEN 1000 * v WHEN t = ${signup} THEN 200 ELSE 0 END,
      CASE WHEN ${h("i", 8)} % 2 = 0
        THEN jsonb_build_object('plan', (ARRAY['starter', 'growth', 'enterprise'])[1 + ${h("i", 9)} % 3])
        ELSE '{}' END
    FROM (
      SELECT *, ${spread.value} AS v
      FROM (
        SELECT *, ${spread.type} AS t
        FROM (
          SELECT i, ${spread.x} AS x, ${h("i", 6)} AS hv, ${spread.pk} AS pk,
            ${h("i", 3)} % 100 < 75 AS cust,
            ${h("i", 4)} % ${perPartner} AS cj,
            ${h("i", 5)} % 100 = 0 AS arch,
            ${spread.received} AS received,
            interval '1 millisecond' * (${h("i", 7)} % 21600000) AS early
          FROM generate_series(${from}, ${to}) i
        ) raw
      ) typed
    ) valued`;
}

/** Moves every id sequence past the ids written explicitly. */
export const SEQUENCES_SQL = [
  "users",
  "programs",
  "groups",
  "tags",
  "partnerships",
  "customers",
  "action_types",
  "actions",
  "reward_rules",
]
  .map(
    (t) =>
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM ${t}), false);`,
  )
  .join("\n");
