import { hashSecret } from "../api-keys/api-key-secrets";
import { hashPassword } from "../security/password";
import { nextRunAfter } from "../time/schedule-time";
import type { SqlRunner } from "../db/sql-runner";
import { evaluateRewardRules, type RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import { bulkInsert, type BulkRow } from "./bulk-insert";
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

/** Inserts the rows and maps each one's `by` column to its new id. */
async function insertNamed(db: SqlRunner, table: string, rows: BulkRow[], by: "key" | "name") {
  const inserted = await bulkInsert<IdRow & { name: string }>(db, table, rows, `id, ${by} AS name`);
  return new Map(inserted.map((r) => [r.name, r.id]));
}

/** Inserts the rows and returns each one's new id and integer `column`, in id order. */
async function insertInIdOrder<C extends string>(
  db: SqlRunner,
  table: string,
  rows: BulkRow[],
  column: C,
) {
  const inserted = await bulkInsert<IdRow & Record<C, number>>(db, table, rows, `id, ${column}`);
  return inserted.sort((a, b) => a.id - b.id);
}

const PLANS = ["starter", "growth", "enterprise"];
const COUNTRIES = ["US", "DE", "FR", "GB", "BR"];

/**
 * The demo's action properties: a country on every action, a plan on every other one. Taken
 * from the action's number by a fixed hash, not from the seed's random stream, so every other
 * number of the demo stays as it was.
 */
function demoProperties(i: number): Record<string, string> {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const country = COUNTRIES[(h >>> 8) % COUNTRIES.length];
  return i % 2 === 0 ? { plan: PLANS[h % PLANS.length], country } : { country };
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
    spec.members.map((m) => ({
      program_id: programId,
      user_id: userIds.get(m.email),
      role: m.role,
    })),
  );
  const managerIds = spec.members
    .filter((m) => m.role === "manager")
    .map((m) => userIds.get(m.email)!);

  const groupIds = await insertNamed(
    db,
    "groups",
    spec.groups.map((g) => ({ program_id: programId, key: g.key, name: g.name, slug: g.key })),
    "key",
  );
  const tagRows = spec.tags.map((name) => ({ program_id: programId, name }));
  const tagIds = [...(await insertNamed(db, "tags", tagRows, "name")).values()];
  const typeIds = await insertNamed(
    db,
    "action_types",
    spec.actionTypes.map((t) => ({ program_id: programId, name: t.name })),
    "name",
  );

  const partnerRows = Array.from({ length: spec.partnerships }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    const joinedAt = timeBefore(random, anchor, spec.historyDays + 90);
    return {
      program_id: programId,
      partner_key: `ptn_${spec.slug}_${String(i + 1).padStart(4, "0")}`,
      first_name: first,
      last_name: last,
      email: `${handle}${i + 1}@partners.test`,
      group_id: random.pick([...groupIds.values()]),
      manager_user_id: managerIds.length > 0 && random.chance(0.9) ? random.pick(managerIds) : null,
      is_marketplace: random.chance(spec.marketplaceShare),
      joined_at: new Date(joinedAt).toISOString(),
      archived_at: random.chance(spec.archivedShare)
        ? new Date(anchor - random.int(1, 60) * DAY_MS).toISOString()
        : null,
    };
  });
  const partnerships = await insertInIdOrder(db, "partnerships", partnerRows, "group_id");

  const partnershipTags: BulkRow[] = [];
  for (const p of partnerships) {
    const chosen = new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(tagIds)));
    for (const tagId of chosen)
      partnershipTags.push({ program_id: programId, partnership_id: p.id, tag_id: tagId });
  }
  await bulkInsert(db, "partnership_tags", partnershipTags);

  const customerRows = Array.from({ length: spec.customers }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return {
      program_id: programId,
      customer_key: `cus_${spec.slug}_${String(i + 1).padStart(5, "0")}`,
      email: `customer${i + 1}@customers.test`,
      name: `${first} ${last}`,
      partnership_id: random.pick(partnerships).id,
      meta: JSON.stringify({ plan: random.pick(["starter", "growth", "enterprise"]) }),
    };
  });
  const customers = await insertInIdOrder(db, "customers", customerRows, "partnership_id");

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
  const actionRows: BulkRow[] = [];
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
    actionRows.push({
      program_id: programId,
      key,
      action_type_id: actionTypeId,
      value,
      target_type: type.target,
      partnership_id: partnershipId,
      customer_id: customer?.id ?? null,
      occurred_at: iso,
      created_at: iso,
      updated_at: iso,
      archived_at: archived ? new Date(Math.min(anchor, at + DAY_MS)).toISOString() : null,
      reward_outcome: JSON.stringify(outcome),
      reward_cents: rewardCents,
      properties: JSON.stringify(demoProperties(i)),
    });
  }
  const actions = await bulkInsert<{ id: string; key: string }>(
    db,
    "actions",
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
    return {
      program_id: programId,
      partnership_id: r.partnershipId,
      action_id: actionIds.get(r.key),
      rule_id: r.ruleId,
      amount_cents: r.amountCents,
      currency: spec.currency,
      status,
      created_at: iso,
      updated_at: iso,
      archived_at: r.archived ? iso : null,
    };
  });
  await bulkInsert(db, "rewards", rewardRows);

  await bulkInsert(
    db,
    "api_keys",
    spec.apiKeys.map((k) => ({
      program_id: programId,
      label: k.label,
      mode: k.mode,
      public_key: k.publicKey,
      secret_hash: hashSecret(k.secret),
    })),
  );

  await seedSavedViews(db, spec, programId, userIds, anchor);

  return {
    programId,
    slug: spec.slug,
    partnerships: partnerships.length,
    customers: customers.length,
    actions: actions.length,
    rewards: rewardRows.length,
  };
}

/** The spec's saved views, and a Monday 09:00 PDF delivery for those that ask for one. */
async function seedSavedViews(
  db: SqlRunner,
  spec: ProgramSpec,
  programId: number,
  userIds: Map<string, number>,
  anchor: number,
) {
  const owner = userIds.get(spec.members.find((m) => m.role === "owner")!.email)!;
  for (const view of spec.savedViews ?? []) {
    const [row] = await db.query<IdRow>(
      `INSERT INTO saved_views (program_id, user_id, name, query) VALUES ($1, $2, $3, $4) RETURNING id`,
      [programId, owner, view.name, view.query],
    );
    if (!view.weeklyPdfTo) continue;
    const rule = { frequency: "weekly", weekday: 1, monthDay: null, timeOfDay: 9 * 60 } as const;
    await db.query(
      `INSERT INTO delivery_schedules (program_id, saved_view_id, created_by, frequency, weekday,
         time_of_day, file, channel, recipients, next_run_at)
       VALUES ($1, $2, $3, 'weekly', 1, $4, 'tab.pdf', 'email', $5, $6)`,
      [
        programId,
        row.id,
        owner,
        rule.timeOfDay,
        [view.weeklyPdfTo],
        new Date(nextRunAfter(rule, anchor, spec.timezone)).toISOString(),
      ],
    );
  }
}
