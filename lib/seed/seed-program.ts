import { hashSecret } from "../api-keys/api-key-secrets";
import { hashPassword } from "../auth/password";
import type { SqlRunner } from "../db/sql-runner";
import { evaluateRewardRules, type RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import { bulkInsert } from "./bulk-insert";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import type { ProgramSpec } from "./program-spec";
import { createRandom, type Random } from "./random";

const DAY_MS = 86_400_000;

export interface SeededProgram {
  programId: number;
  slug: string;
  partnerships: number;
  customers: number;
  actions: number;
  rewards: number;
}

type IdRow = { id: number };

async function upsertUsers(db: SqlRunner, spec: ProgramSpec, hashes: Map<string, string>) {
  const ids = new Map<string, number>();
  for (const member of spec.members) {
    let hash = hashes.get(member.email);
    if (!hash) {
      hash = await hashPassword(member.password);
      hashes.set(member.email, hash);
    }
    const [row] = await db.query<IdRow>(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [member.email, member.name, hash],
    );
    ids.set(member.email, row.id);
  }
  return ids;
}

async function insertNamed(
  db: SqlRunner,
  table: string,
  programId: number,
  names: string[][],
  cols: string[],
) {
  const rows = await bulkInsert<IdRow & { name: string }>(
    db,
    table,
    [{ name: "program_id", type: "int" }, ...cols.map((name) => ({ name, type: "text" }))],
    names.map((values) => [programId, ...values]),
    `id, ${cols.includes("key") ? "key" : "name"} AS name`,
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}

function timeBefore(random: Random, anchor: number, days: number) {
  // Skewed toward the anchor: programs grow, so recent months hold more actions.
  return anchor - Math.floor((1 - Math.sqrt(random.next())) * days * DAY_MS);
}

/**
 * Generates and inserts one program's data from its spec. Deterministic for a given spec and
 * anchor time; bulk SQL throughout (50k actions in about a second).
 */
export async function seedProgram(
  db: SqlRunner,
  spec: ProgramSpec,
  anchor: number,
  passwordHashes = new Map<string, string>(),
): Promise<SeededProgram> {
  const random = createRandom(spec.seed);
  const [program] = await db.query<IdRow>(
    `INSERT INTO programs (slug, name, timezone, currency) VALUES ($1, $2, $3, $4) RETURNING id`,
    [spec.slug, spec.name, spec.timezone, spec.currency],
  );
  const programId = program.id;

  const userIds = await upsertUsers(db, spec, passwordHashes);
  await bulkInsert(
    db,
    "memberships",
    [
      { name: "program_id", type: "int" },
      { name: "user_id", type: "int" },
      { name: "role", type: '"Role"' },
    ],
    spec.members.map((m) => [programId, userIds.get(m.email), m.role]),
  );
  const managerIds = spec.members
    .filter((m) => m.role === "manager")
    .map((m) => userIds.get(m.email)!);

  const groupIds = await insertNamed(
    db,
    "groups",
    programId,
    spec.groups.map((g) => [g.key, g.name, g.key]),
    ["key", "name", "slug"],
  );
  const tagIds = [
    ...(
      await insertNamed(
        db,
        "tags",
        programId,
        spec.tags.map((t) => [t]),
        ["name"],
      )
    ).values(),
  ];
  const typeIds = await insertNamed(
    db,
    "action_types",
    programId,
    spec.actionTypes.map((t) => [t.name]),
    ["name"],
  );

  const partnerRows = Array.from({ length: spec.partnerships }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    const joinedAt = timeBefore(random, anchor, spec.historyDays + 90);
    return [
      programId,
      `ptn_${spec.slug}_${String(i + 1).padStart(4, "0")}`,
      first,
      last,
      `${handle}${i + 1}@partners.test`,
      random.pick([...groupIds.values()]),
      managerIds.length > 0 && random.chance(0.9) ? random.pick(managerIds) : null,
      random.chance(spec.marketplaceShare),
      new Date(joinedAt).toISOString(),
      random.chance(spec.archivedShare)
        ? new Date(anchor - random.int(1, 60) * DAY_MS).toISOString()
        : null,
    ];
  });
  const partnerships = await bulkInsert<IdRow & { group_id: number }>(
    db,
    "partnerships",
    [
      { name: "program_id", type: "int" },
      { name: "partner_key", type: "text" },
      { name: "first_name", type: "text" },
      { name: "last_name", type: "text" },
      { name: "email", type: "text" },
      { name: "group_id", type: "int" },
      { name: "manager_user_id", type: "int" },
      { name: "is_marketplace", type: "boolean" },
      { name: "joined_at", type: "timestamptz" },
      { name: "archived_at", type: "timestamptz" },
    ],
    partnerRows,
    "id, group_id",
  );
  partnerships.sort((a, b) => a.id - b.id);

  const tagRows: unknown[][] = [];
  for (const p of partnerships) {
    const chosen = new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(tagIds)));
    for (const tagId of chosen) tagRows.push([programId, p.id, tagId]);
  }
  await bulkInsert(
    db,
    "partnership_tags",
    [
      { name: "program_id", type: "int" },
      { name: "partnership_id", type: "int" },
      { name: "tag_id", type: "int" },
    ],
    tagRows,
  );

  const customerRows = Array.from({ length: spec.customers }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return [
      programId,
      `cus_${spec.slug}_${String(i + 1).padStart(5, "0")}`,
      `customer${i + 1}@customers.test`,
      `${first} ${last}`,
      random.pick(partnerships).id,
      JSON.stringify({ plan: random.pick(["starter", "growth", "enterprise"]) }),
    ];
  });
  const customers = await bulkInsert<IdRow & { partnership_id: number }>(
    db,
    "customers",
    [
      { name: "program_id", type: "int" },
      { name: "customer_key", type: "text" },
      { name: "email", type: "text" },
      { name: "name", type: "text" },
      { name: "partnership_id", type: "int" },
      { name: "meta", type: "jsonb" },
    ],
    customerRows,
    "id, partnership_id",
  );
  customers.sort((a, b) => a.id - b.id);

  const rules: RuleForEvaluation[] = [];
  for (const rule of spec.rules) {
    const r = {
      actionTypeId: typeIds.get(rule.actionType)!,
      minValue: rule.minValue ?? null,
      groupId: rule.groupKey ? groupIds.get(rule.groupKey)! : null,
      amountCents: rule.amountCents,
      multiplyByValue: rule.multiplyByValue ?? false,
      active: rule.active ?? true,
    };
    const [row] = await db.query<IdRow>(
      `INSERT INTO reward_rules (program_id, name, action_type_id, min_value, group_id, amount_cents, multiply_by_value, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        programId,
        rule.name,
        r.actionTypeId,
        r.minValue,
        r.groupId,
        r.amountCents,
        r.multiplyByValue,
        r.active,
      ],
    );
    rules.push({ id: row.id, ...r });
  }

  const groupOf = new Map(partnerships.map((p) => [p.id, p.group_id]));
  const typeWeights = spec.actionTypes.map((t) => [t, t.weight] as const);
  const actionRows: unknown[][] = [];
  const pendingRewards: {
    key: string;
    partnershipId: number;
    ruleId: number;
    amountCents: number;
    at: number;
    archived: boolean;
  }[] = [];
  for (let i = 0; i < spec.actions; i++) {
    const type = random.weighted(typeWeights);
    const customer = type.target === "customer" ? random.pick(customers) : null;
    const partnershipId = customer ? customer.partnership_id : random.pick(partnerships).id;
    const value = random.chance(0.85) ? 1 : random.int(2, 10);
    const at = timeBefore(random, anchor, spec.historyDays);
    const archived = random.chance(0.01);
    const key = `act_${spec.slug}_${String(i + 1).padStart(7, "0")}`;
    const actionTypeId = typeIds.get(type.name)!;
    const outcome = evaluateRewardRules(
      { actionTypeId, value, groupId: groupOf.get(partnershipId)!, archived: false },
      rules,
    );
    let rewardCents = 0;
    for (const rule of outcome.rules) {
      if (rule.outcome === "rewarded") {
        rewardCents += rule.amountCents;
        pendingRewards.push({
          key,
          partnershipId,
          ruleId: rule.ruleId,
          amountCents: rule.amountCents,
          at,
          archived,
        });
      }
    }
    const iso = new Date(at).toISOString();
    actionRows.push([
      programId,
      key,
      actionTypeId,
      value,
      type.target,
      partnershipId,
      customer?.id ?? null,
      iso,
      iso,
      iso,
      archived ? new Date(Math.min(anchor, at + DAY_MS)).toISOString() : null,
      JSON.stringify(outcome),
      rewardCents,
    ]);
  }
  const actions = await bulkInsert<{ id: string; key: string }>(
    db,
    "actions",
    [
      { name: "program_id", type: "int" },
      { name: "key", type: "text" },
      { name: "action_type_id", type: "int" },
      { name: "value", type: "int" },
      { name: "target_type", type: '"TargetType"' },
      { name: "partnership_id", type: "int" },
      { name: "customer_id", type: "int" },
      { name: "occurred_at", type: "timestamptz" },
      { name: "created_at", type: "timestamptz" },
      { name: "updated_at", type: "timestamptz" },
      { name: "archived_at", type: "timestamptz" },
      { name: "reward_outcome", type: "jsonb" },
      { name: "reward_cents", type: "int" },
    ],
    actionRows,
    "id, key",
  );
  const actionIds = new Map(actions.map((a) => [a.key, a.id]));

  const rewardRows = pendingRewards.map((r) => {
    const ageDays = (anchor - r.at) / DAY_MS;
    const status = random.chance(0.03)
      ? "declined"
      : ageDays > 60
        ? "paid"
        : ageDays > 14
          ? "approved"
          : "pending";
    const iso = new Date(r.at).toISOString();
    return [
      programId,
      r.partnershipId,
      actionIds.get(r.key),
      r.ruleId,
      r.amountCents,
      spec.currency,
      status,
      iso,
      iso,
      r.archived ? iso : null,
    ];
  });
  await bulkInsert(
    db,
    "rewards",
    [
      { name: "program_id", type: "int" },
      { name: "partnership_id", type: "int" },
      { name: "action_id", type: "bigint" },
      { name: "rule_id", type: "int" },
      { name: "amount_cents", type: "int" },
      { name: "currency", type: "text" },
      { name: "status", type: '"RewardStatus"' },
      { name: "created_at", type: "timestamptz" },
      { name: "updated_at", type: "timestamptz" },
      { name: "archived_at", type: "timestamptz" },
    ],
    rewardRows,
  );

  await bulkInsert(
    db,
    "api_keys",
    [
      { name: "program_id", type: "int" },
      { name: "label", type: "text" },
      { name: "mode", type: '"ApiKeyMode"' },
      { name: "public_key", type: "text" },
      { name: "secret_hash", type: "text" },
    ],
    spec.apiKeys.map((k) => [programId, k.label, k.mode, k.publicKey, hashSecret(k.secret)]),
  );

  return {
    programId,
    slug: spec.slug,
    partnerships: partnerships.length,
    customers: customers.length,
    actions: actions.length,
    rewards: rewardRows.length,
  };
}
