// Issue 27: partnerships and customers are stored a page at a time with a few set-based
// statements. Random pages (duplicate keys within a page, stale and missing updated_at, unknown
// groups by key, slug or name, managers who are members and who are not, tag changes, archived
// flips, customers whose partnership is missing) must give, on every engine, exactly what storing
// the same records one at a time did before (the reference, lib/testing/partnerstack-one-at-a-time.ts)
// — and what the webhook endpoint's path does with each record on its own: the same outcome for
// every record, the same rows written in each round, the same stored rows, groups and tags.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import type { PrismaClient } from "../generated/prisma/client";
import { addMember, createProgram, createUser } from "../testing/factories";
import {
  storeCustomerOneAtATime,
  storePartnershipOneAtATime,
} from "../testing/partnerstack-one-at-a-time";
import type { Engine } from "../testing/engines";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { applyWebhook } from "./apply-webhook";
import { IMPORT_RESOURCES, PAGE_TRANSACTION } from "./import-resources";
import {
  sourceAction,
  sourceCustomer,
  sourcePartnership,
  type SourceAction,
} from "./source-records";
import { storeActions } from "./store-actions";
import { storeCustomers } from "./store-customers";
import { storePartnerships } from "./store-partnerships";

// Random page plans per engine: every plan is stored row by row too, slow on the embedded database;
// the SQL is the same on both. FC_RUNS=<n> explores more.
const RUNS: Record<Engine, number> = { pglite: 8, postgres: 25 };
const SEED = 20261207;
/** Source times are in 2021; anything this test's own clock wrote is "now". */
const T0 = Date.UTC(2021, 0, 1);

const PARTNER_KEYS = ["p1", "p2", "p3", "p4", "p5"];
const CUSTOMER_KEYS = ["c1", "c2", "c3", "c4", "c5"];
const MEMBER_EMAILS = ["maya@members.test", "tom@members.test"];

const time = fc.integer({ min: 0, max: 4 }).map((k) => T0 + k * 60_000);
const flag = fc.constantFrom(true, false, "true", "false");

/**
 * A group reference as an import (key, name) or a webhook (name, slug) sends it, from few words,
 * so that one reference often matches several groups (the oldest wins) or a group made earlier.
 */
const groupWord = fc.constantFrom("g1", "alpha", "Alpha", "new-key", "New Group", "default");
const groupRef = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.record(
    { key: groupWord, slug: fc.constantFrom("alpha", "new-key", "g2", "  "), name: groupWord },
    { requiredKeys: [] },
  ),
);

const managerEmail = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constantFrom(...MEMBER_EMAILS, "MAYA@Members.test", "ana@source.test", "Ana@Source.test"),
);

const rawPartnership = fc.record(
  {
    partner_key: fc.constantFrom(...PARTNER_KEYS),
    email: fc.constantFrom("a@p.test", "b@p.test"),
    first_name: fc.constantFrom("Ann", "Bo"),
    last_name: fc.constantFrom("Lee", ""),
    group: groupRef,
    tags: fc.oneof(
      fc.constant(null),
      fc.subarray(["vip", "emea", "apac", "beta"]).map((t) => [...t, ...t.slice(0, 1)]),
    ),
    manager_email: managerEmail,
    is_marketplace: fc.boolean(),
    archived: flag,
    joined_at: time,
    created_at: time,
    updated_at: fc.option(time, { nil: null }),
  },
  { requiredKeys: ["partner_key"] },
);

const rawCustomer = fc.record(
  {
    customer_key: fc.constantFrom(...CUSTOMER_KEYS),
    partner_key: fc.constantFrom(...PARTNER_KEYS, "missing"),
    email: fc.option(fc.constantFrom("x@c.test", "y@c.test"), { nil: null }),
    name: fc.option(fc.constantFrom("Xi", "Yu"), { nil: null }),
    meta: fc.oneof(
      fc.constant(null),
      fc.constantFrom({}, { a: 1 }, { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, { a: { c: "d" } }),
    ),
    archived: flag,
    created_at: time,
    updated_at: fc.option(time, { nil: null }),
  },
  { requiredKeys: ["customer_key"] },
);

type Raw = Record<string, unknown>;
type Round = { partnerships: Raw[]; customers: Raw[] };

/** Rounds of pages: partnerships first, then customers, as an import and a pull order them. */
const rounds: fc.Arbitrary<Round[]> = fc.array(
  fc.record({
    partnerships: fc.array(rawPartnership, { minLength: 0, maxLength: 12 }),
    customers: fc.array(rawCustomer, { minLength: 0, maxLength: 12 }),
  }),
  { minLength: 1, maxLength: 4 },
);

/**
 * Pages written for the edge cases, run before the random ones: a name whose slug is the key of a
 * group named otherwise (that group is joined, not a new one made), a group made by one row and
 * found by the next by slug or name, a partnership created and changed in one page, tags changed
 * and changed back in one page, a customer moved to an unknown partnership.
 */
const EDGE_CASES: Round[] = [
  {
    partnerships: [
      { partner_key: "p1", group: { key: "new-key", name: "Brand" }, tags: ["vip"] },
      { partner_key: "p2", group: { name: "new-key" } },
      { partner_key: "p3", group: { slug: "new-key" }, manager_email: "ana@source.test" },
      { partner_key: "p3", first_name: "Changed", tags: ["emea"], updated_at: T0 },
      { partner_key: "p1", tags: [] },
      { partner_key: "p1", tags: ["vip"] },
    ],
    customers: [
      { customer_key: "c1", partner_key: "p1", meta: { b: [1, 2], a: 1 } },
      { customer_key: "c1", meta: { a: 1, b: [1, 2] } },
    ],
  },
  {
    partnerships: [
      { partner_key: "p1", group: { name: "new-key" } },
      { partner_key: "p2", group: { name: "New Group", slug: "g2" }, archived: true },
      { partner_key: "p4", group: { key: "g2" } },
    ],
    customers: [{ customer_key: "c1", partner_key: "missing" }],
  },
];
type Outcome = string;

/** Three ways to store a page, each into its own program of the same database. */
interface Way {
  name: string;
  partnerships(programId: number, raws: Raw[]): Promise<Outcome[]>;
  customers(programId: number, raws: Raw[]): Promise<Outcome[]>;
}

function ways(prisma: PrismaClient): Way[] {
  const parsePartnerships = (raws: Raw[]) => raws.map((r) => sourcePartnership.parse(r));
  const parseCustomers = (raws: Raw[]) => raws.map((r) => sourceCustomer.parse(r));
  const webhook = async (programId: number, event: string, raw: Raw) => {
    try {
      return (await applyWebhook(prisma, programId, { event, data: raw })).outcome;
    } catch (error) {
      if (error instanceof DomainError && /partnership/.test(error.message)) return "skipped";
      throw error;
    }
  };
  const sequential = async <T>(items: T[], one: (item: T) => Promise<Outcome>) => {
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(await one(item));
    return outcomes;
  };
  return [
    {
      name: "one at a time (reference)",
      partnerships: (programId, raws) =>
        prisma.$transaction(
          (tx) =>
            sequential(parsePartnerships(raws), (p) =>
              storePartnershipOneAtATime(tx, programId, p),
            ),
          PAGE_TRANSACTION,
        ),
      customers: (programId, raws) =>
        prisma.$transaction(
          (tx) =>
            sequential(parseCustomers(raws), (c) => storeCustomerOneAtATime(tx, programId, c)),
          PAGE_TRANSACTION,
        ),
    },
    {
      name: "a page at a time",
      partnerships: (programId, raws) =>
        prisma.$transaction(
          (tx) => storePartnerships(tx, programId, parsePartnerships(raws)),
          PAGE_TRANSACTION,
        ),
      customers: (programId, raws) =>
        prisma.$transaction(
          (tx) => storeCustomers(tx, programId, parseCustomers(raws)),
          PAGE_TRANSACTION,
        ),
    },
    {
      name: "each record as a webhook",
      partnerships: (programId, raws) =>
        sequential(raws, (raw) => webhook(programId, "partnership_updated", raw)),
      customers: (programId, raws) =>
        sequential(raws, (raw) => webhook(programId, "customer.updated", raw)),
    },
  ];
}

/** A time this test's clock wrote reads "now"; the source's own times stay as they are. */
const stamp = (startedAt: number) => (value: Date | null) =>
  value === null ? null : value.getTime() >= startedAt ? "now" : value.toISOString();

/** Everything the stores write, by key, in creation order, with times made comparable. */
async function snapshot(db: TestDatabase, programId: number, startedAt: number) {
  const q = <T>(sql: string) => db.withRunner((r) => r.query<T>(sql, [programId]));
  const at = stamp(startedAt);
  const partnerships = await q<Record<string, Date | null> & { tags: string[] }>(`
    SELECT p.partner_key, p.email, p.first_name, p.last_name, g.key AS group_key,
           p.manager_user_id, p.pending_manager_email, p.is_marketplace, p.joined_at,
           p.created_at, p.archived_at, p.source_updated_at,
           ARRAY(SELECT t.name FROM partnership_tags pt
                 JOIN tags t ON t.program_id = pt.program_id AND t.id = pt.tag_id
                 WHERE pt.program_id = p.program_id AND pt.partnership_id = p.id
                 ORDER BY t.name) AS tags
    FROM partnerships p JOIN groups g ON g.program_id = p.program_id AND g.id = p.group_id
    WHERE p.program_id = $1 ORDER BY p.id`);
  const customers = await q<Record<string, Date | null>>(`
    SELECT c.customer_key, c.email, c.name, p.partner_key, c.meta, c.created_at, c.archived_at,
           c.source_updated_at
    FROM customers c JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id
    WHERE c.program_id = $1 ORDER BY c.id`);
  const times = ["joined_at", "created_at", "archived_at", "source_updated_at"];
  const timed = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, times.includes(k) ? at(v as Date | null) : v]),
    );
  return {
    groups: await q(`SELECT key, name, slug FROM groups WHERE program_id = $1 ORDER BY id`),
    tags: await q(`SELECT name FROM tags WHERE program_id = $1 ORDER BY name`),
    partnerships: partnerships.map(timed),
    customers: customers.map(timed),
  };
}

/** Keys of the rows a round wrote (inserted or updated: updated_at moved). */
async function written(db: TestDatabase, programId: number, since: Date) {
  return db.withRunner(async (r) => ({
    partnerships: (
      await r.query<{ key: string }>(
        `SELECT partner_key AS key FROM partnerships WHERE program_id = $1 AND updated_at >= $2 ORDER BY 1`,
        [programId, since],
      )
    ).map((row) => row.key),
    customers: (
      await r.query<{ key: string }>(
        `SELECT customer_key AS key FROM customers WHERE program_id = $1 AND updated_at >= $2 ORDER BY 1`,
        [programId, since],
      )
    ).map((row) => row.key),
  }));
}

describe.each(inject("engines"))("storing PartnerStack pages on %s", (engine) => {
  let db: TestDatabase;
  let members: number[];
  const startedAt = Date.now();
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    members = [];
    for (const email of MEMBER_EMAILS) members.push((await createUser(db.prisma, { email })).id);
  });
  afterAll(() => db?.close());

  /** A program like the source's: two groups, the two members as managers. */
  async function program() {
    const created = await createProgram(db.prisma);
    for (const id of members) await addMember(db.prisma, created.id, id, "manager");
    await db.prisma.group.createMany({
      data: [
        { programId: created.id, key: "g1", name: "Group One", slug: "group-one" },
        { programId: created.id, key: "g2", name: "Alpha", slug: "alpha" },
      ],
    });
    return created.id;
  }

  const numRuns = Number(process.env.FC_RUNS ?? RUNS[engine]);

  it(
    "stores random pages as storing their records one at a time did",
    async () => {
      const storers = ways(db.prisma);
      // What the random pages made happen, so that agreement is not agreement on nothing.
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(rounds, async (plan) => {
          const programs = await Promise.all(storers.map(() => program()));
          for (const [r, round] of plan.entries()) {
            await new Promise((resolve) => setTimeout(resolve, 3));
            const since = new Date();
            const results = [];
            for (const [i, way] of storers.entries()) {
              const partnerships = await way.partnerships(programs[i], round.partnerships);
              const customers = await way.customers(programs[i], round.customers);
              results.push({
                partnerships,
                customers,
                written: await written(db, programs[i], since),
              });
            }
            for (const [i, way] of storers.entries()) {
              expect(results[i], `round ${r}: ${way.name}`).toEqual(results[0]);
            }
            results[0].partnerships.forEach((o) => seen.add(`partnership ${o}`));
            results[0].customers.forEach((o) => seen.add(`customer ${o}`));
          }
          const reference = await snapshot(db, programs[0], startedAt);
          if (reference.groups.length > 2) seen.add("group created");
          for (const p of reference.partnerships as Record<string, unknown>[]) {
            if (p.pending_manager_email) seen.add("manager waiting");
            if (p.manager_user_id) seen.add("manager assigned");
            if (p.archived_at === "now") seen.add("archived by this clock");
            if ((p.tags as string[]).length > 0) seen.add("tagged");
          }
          for (const [i, way] of storers.entries()) {
            expect(await snapshot(db, programs[i], startedAt), way.name).toEqual(reference);
          }
        }),
        { numRuns, seed: SEED, endOnFailure: true, examples: [[EDGE_CASES]] },
      );
      expect([...seen].sort()).toEqual(
        [
          ...["created", "updated", "unchanged", "stale"].flatMap((o) => [
            `partnership ${o}`,
            `customer ${o}`,
          ]),
          "customer skipped",
          "group created",
          "manager waiting",
          "manager assigned",
          "archived by this clock",
          "tagged",
        ].sort(),
      );
    },
    numRuns * 5_000,
  );

  it("counts a page's outcomes as the import does: created and updated stored, skipped apart", async () => {
    const programId = await program();
    const store = (name: string) => IMPORT_RESOURCES.find((r) => r.name === name)!.store;
    const page = await db.prisma.$transaction(async (tx) => ({
      partnerships: await store("partnerships")(tx, { id: programId, currency: "USD" }, [
        sourcePartnership.parse({ partner_key: "p1", updated_at: T0 + 1 }),
        sourcePartnership.parse({ partner_key: "p1", updated_at: T0 }), // stale
        sourcePartnership.parse({ partner_key: "p1", updated_at: T0 + 1 }), // unchanged
        sourcePartnership.parse({ partner_key: "p1", first_name: "Jo" }), // updated
        sourcePartnership.parse({ partner_key: "p2" }),
      ]),
      customers: await store("customers")(tx, { id: programId, currency: "USD" }, [
        sourceCustomer.parse({ customer_key: "c1", partner_key: "p2" }),
        sourceCustomer.parse({ customer_key: "c2", partner_key: "nobody" }),
        sourceCustomer.parse({ customer_key: "c3" }),
        sourceCustomer.parse({ customer_key: "c1", partner_key: "p1" }),
      ]),
    }));
    expect(page).toEqual({
      partnerships: { stored: 3, skipped: 0 },
      customers: { stored: 2, skipped: 2 },
    });
  });

  it("stores a page of actions in key order, skips those naming what is not here, follows archiving", async () => {
    const programId = await program();
    await db.prisma.$transaction(async (tx) => {
      await storePartnerships(tx, programId, [sourcePartnership.parse({ partner_key: "p1" })]);
      await storeCustomers(tx, programId, [
        sourceCustomer.parse({ customer_key: "c1", partner_key: "p1" }),
      ]);
    });
    const action = (key: string, more: Raw = {}) =>
      sourceAction.parse({
        key,
        type: key.startsWith("b") ? "signup" : "demo",
        value: 2,
        partnership_key: "p1",
        created_at: T0,
        ...more,
      });
    const page = [
      action("b2", { customer: { key: "c1" } }),
      action("a1", { occurred_at: T0 - 5_000 }),
      action("c3", { partnership_key: "nobody" }),
      action("d4", { customer: { key: "nobody" } }),
      action("e5", { archived: true, updated_at: T0 + 1 }),
    ];
    const store = (items: SourceAction[]) =>
      db.prisma.$transaction((tx) => storeActions(tx, programId, items));
    expect(await store(page)).toEqual({ stored: 3, skipped: 2 });
    const stored = await db.prisma.action.findMany({
      where: { programId },
      include: { actionType: true, customer: true },
      orderBy: { id: "asc" },
    });
    expect(
      stored.map((a) => [
        a.key,
        a.actionType.name,
        a.targetType,
        a.customer?.customerKey ?? null,
        a.occurredAt.getTime(),
        a.archivedAt?.getTime() ?? null,
      ]),
    ).toEqual([
      ["a1", "demo", "partnership", null, T0 - 5_000, null],
      ["b2", "signup", "customer", "c1", T0, null],
      ["e5", "demo", "partnership", null, T0, T0 + 1],
    ]);
    // Again: nothing new; then the source unarchives e5.
    expect(await store(page)).toEqual({ stored: 0, skipped: 2 });
    expect(await store([action("e5", { archived: false })])).toEqual({ stored: 1, skipped: 0 });
    expect(
      await db.prisma.action.count({ where: { programId, key: "e5", archivedAt: null } }),
    ).toBe(1);
  });

  it("names the program in every statement a page sends", async () => {
    const programId = await program();
    const statements: { text: string; values: unknown[] }[] = [];
    const recording = db.prisma.$extends({
      query: {
        async $queryRaw({ args, query }) {
          statements.push(args as unknown as { text: string; values: unknown[] });
          return query(args);
        },
        async $executeRaw({ args, query }) {
          statements.push(args as unknown as { text: string; values: unknown[] });
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    await recording.$transaction(async (tx) => {
      await storePartnerships(tx, programId, [
        sourcePartnership.parse({
          partner_key: "p1",
          group: { name: "Brand new" },
          tags: ["vip"],
          manager_email: MEMBER_EMAILS[0],
        }),
      ]);
      await storePartnerships(tx, programId, [
        sourcePartnership.parse({ partner_key: "p1", first_name: "Jo", tags: ["emea"] }),
      ]);
      await storeCustomers(tx, programId, [
        sourceCustomer.parse({ customer_key: "c1", partner_key: "p1" }),
      ]);
      await storeCustomers(tx, programId, [
        sourceCustomer.parse({ customer_key: "c1", name: "X" }),
      ]);
    });
    // Reads, inserts (new group, tags, rows), updates and the tag DELETE all ran.
    expect(statements.length).toBeGreaterThanOrEqual(12);
    for (const statement of statements) {
      expect(statement.text, statement.text).toMatch(/\bprogram_id\s*=\s*\$\d+|SELECT \$1,/);
      expect(statement.values, statement.text).toContain(programId);
    }
  });
});
