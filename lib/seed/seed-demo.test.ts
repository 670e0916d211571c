import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { createProgram, createUser } from "../testing/factories";
import type { Engine } from "../testing/engines";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import type { SqlRunner } from "../db/sql-runner";
import { EXAMPLE_CUSTOMER_KEY } from "../openapi/examples";
import { ACME, DEMO_LOGIN } from "./demo-programs";
import { demoSeedState, seedDemo } from "./seed-demo";

const NOW = Date.UTC(2026, 10, 23, 15, 30);

async function summarize(db: SqlRunner) {
  const [row] = await db.query<Record<string, string>>(`
    SELECT
      (SELECT count(*) FROM programs) AS programs,
      (SELECT count(*) FROM groups g JOIN programs p ON p.id = g.program_id WHERE p.slug = 'acme') AS groups,
      (SELECT count(DISTINCT manager_user_id) FROM partnerships pa JOIN programs p ON p.id = pa.program_id WHERE p.slug = 'acme') AS managers,
      (SELECT count(*) FROM partnerships) AS partnerships,
      (SELECT count(*) FROM partnerships WHERE is_marketplace) AS marketplace,
      (SELECT count(*) FROM partnerships WHERE archived_at IS NOT NULL) AS archived,
      (SELECT count(DISTINCT tag_id) FROM partnership_tags) AS tags_used,
      (SELECT count(*) FROM customers) AS customers,
      (SELECT count(*) FROM actions) AS actions,
      (SELECT count(DISTINCT action_type_id) FROM actions) AS action_types,
      (SELECT sum(value) FROM actions) AS total_value,
      (SELECT count(*) FROM actions WHERE value > 1) AS multi_value,
      (SELECT min(created_at) FROM actions) AS oldest,
      (SELECT count(*) FROM rewards) AS rewards,
      (SELECT sum(amount_cents) FROM rewards) AS reward_cents,
      (SELECT count(*) FROM reward_rules) AS rules`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
}

// The tests below only read a seeded database: they share one per engine (a demo seed takes
// seconds).
const shared = new Map<Engine, Promise<TestDatabase>>();
function sharedSeeded(engine: Engine): Promise<TestDatabase> {
  let db = shared.get(engine);
  if (!db) {
    db = (async () => {
      const fresh = await createTestDatabase(engine);
      await fresh.withRunner((runner) => seedDemo(runner, NOW));
      return fresh;
    })();
    shared.set(engine, db);
  }
  return db;
}
afterAll(async () => {
  await Promise.all([...shared.values()].map(async (db) => (await db).close()));
});

describe("the demo seed", () => {
  it("is deterministic: two seeds, on each engine or twice on the only one, write the same", async () => {
    const engines = inject("engines");
    const summaries = await Promise.all(
      engines.map(async (engine) => (await sharedSeeded(engine)).withRunner(summarize)),
    );
    if (engines.length === 1) {
      // One engine: a second, independent seed of it.
      const again = await createTestDatabase(engines[0]);
      try {
        await again.withRunner((runner) => seedDemo(runner, NOW));
        summaries.push(await again.withRunner(summarize));
      } finally {
        await again.close();
      }
    }
    expect(summaries).toHaveLength(2);
    expect(summaries[1]).toEqual(summaries[0]);
  }, 180_000); // two whole demo seeds: over a minute on a loaded 2-core machine
});

describe.each(inject("engines"))("demo seed on %s", (engine) => {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  it("is loaded only into an empty database: never beside someone's own users or programs", async () => {
    const empty = await createTestDatabase(engine);
    open.push(empty);
    expect(await empty.withRunner(demoSeedState)).toEqual({ kind: "empty" });
    await createUser(empty.prisma);
    expect(await empty.withRunner(demoSeedState)).toEqual({
      kind: "foreign",
      users: 1,
      programs: 0,
    });
    const other = await createTestDatabase(engine);
    open.push(other);
    await createProgram(other.prisma);
    expect(await other.withRunner(demoSeedState)).toMatchObject({ kind: "foreign", programs: 1 });
    const seeded = await sharedSeeded(engine);
    expect(await seeded.withRunner(demoSeedState)).toEqual({ kind: "seeded" });
  });

  it("leaves the planner statistics of what it wrote (ANALYZE), as autovacuum may never run", async () => {
    const db = await sharedSeeded(engine);
    const tables = await db.withRunner((runner) =>
      runner.query<{ relname: string; reltuples: number }>(
        `SELECT relname, reltuples::float8 AS reltuples FROM pg_class
         WHERE relname IN ('actions', 'partnerships', 'customers') ORDER BY relname`,
      ),
    );
    // Never analyzed, reltuples is -1 (or 0 on older servers); analyzed, about the row count.
    for (const table of tables) expect(table.reltuples, table.relname).toBeGreaterThan(100);
  });

  it("meets its size promises and rewards what the rules say", async () => {
    const db = await sharedSeeded(engine);
    const s = await db.withRunner(summarize);

    expect(Number(s.groups)).toBeGreaterThanOrEqual(4);
    expect(Number(s.managers)).toBeGreaterThanOrEqual(5);
    expect(Number(s.partnerships)).toBeGreaterThanOrEqual(300);
    expect(Number(s.marketplace)).toBeGreaterThan(0);
    expect(Number(s.archived)).toBeGreaterThan(0);
    expect(Number(s.tags_used)).toBeGreaterThanOrEqual(6);
    expect(Number(s.customers)).toBeGreaterThanOrEqual(3000);
    expect(Number(s.actions)).toBeGreaterThanOrEqual(50000);
    expect(Number(s.action_types)).toBeGreaterThanOrEqual(6);
    expect(Number(s.multi_value)).toBeGreaterThan(0);
    const historyDays = (NOW - new Date(s.oldest).getTime()) / 86_400_000;
    expect(historyDays).toBeGreaterThan(500);
    expect(historyDays).toBeLessThanOrEqual(ACME.historyDays + 1);

    // Independent of the rule evaluator: the flat, unscoped signup rule rewards every signup once,
    // and the per-value upgrade rule pays 1000 cents per unit of value.
    const checks = await db.withRunner((runner) =>
      runner.query<{ rule: string; rewards: string; expected: string }>(`
        SELECT r.name AS rule,
          (SELECT count(*) FROM rewards w WHERE w.rule_id = r.id) AS rewards,
          CASE WHEN r.name = 'Signup bounty'
            THEN (SELECT count(*) FROM actions a WHERE a.action_type_id = r.action_type_id)
            ELSE (SELECT sum(a.value) * 1000 FROM actions a WHERE a.action_type_id = r.action_type_id) END AS expected
        FROM reward_rules r WHERE r.name IN ('Signup bounty', 'Upgrade per seat block')`),
    );
    const byName = Object.fromEntries(checks.map((c) => [c.rule, c]));
    expect(Number(byName["Signup bounty"].rewards)).toBe(Number(byName["Signup bounty"].expected));
    const upgradeCents = await db.withRunner((runner) =>
      runner.query<{ cents: string }>(
        `SELECT sum(w.amount_cents) AS cents FROM rewards w JOIN reward_rules r ON r.id = w.rule_id AND r.program_id = w.program_id WHERE r.name = 'Upgrade per seat block'`,
      ),
    );
    expect(Number(upgradeCents[0].cents)).toBe(Number(byName["Upgrade per seat block"].expected));

    const [{ mismatched }] = await db.withRunner((runner) =>
      runner.query<{ mismatched: string }>(`
        SELECT count(*) AS mismatched FROM actions a
        WHERE a.reward_cents <> COALESCE((SELECT sum(w.amount_cents) FROM rewards w
          WHERE w.program_id = a.program_id AND w.action_id = a.id), 0)`),
    );
    expect(Number(mismatched)).toBe(0);

    // The README's curl example must record an action: its customer's partnership is active.
    const readmeCustomer = await db.prisma.customer.findFirstOrThrow({
      where: { customerKey: EXAMPLE_CUSTOMER_KEY },
      include: { partnership: true },
    });
    expect(readmeCustomer.partnership.archivedAt).toBeNull();

    const login = await db.prisma.user.findUnique({ where: { email: DEMO_LOGIN.email } });
    expect(login).not.toBeNull();
  }, 120_000); // a whole demo seed, if the tests before have not made it yet
});
