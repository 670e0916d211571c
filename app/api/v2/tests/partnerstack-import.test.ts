// Issue 14: importing a program from another Actionboard (its API speaks PartnerStack v2) seeded
// with the demo data. The tab of both must show the same numbers, a stopped import must resume to
// the same result, and a repeated import must change nothing.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { postgresTabEngine } from "@/lib/stats/engines";
import { ACME, GLOBEX } from "@/lib/seed/demo-programs";
import type { ProgramSpec } from "@/lib/seed/program-spec";
import {
  ACME_TAB_FILTERS,
  createImportTarget,
  demoProgramSource,
  sourceClient,
  startDemoServer,
  type DemoServer,
  type DemoSource,
} from "./partnerstack-fixture";
import type { Engine } from "@/lib/testing/engines";
import { tabNumbers, type NamedFilters } from "@/lib/testing/tab-by-names";
import { openTestAnalytics, type TestAnalytics } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seal } from "@/lib/security/sealed-secret";
import { importProgress, runImport, startOrResumeImport } from "@/lib/partnerstack/run-import";
import { syncProgram } from "@/lib/partnerstack/sync-program";

const NOW = Date.UTC(2026, 10, 21);
/** A whole import of the demo program and ten tab reads: about a minute on a loaded 2-core box. */
const HEAVY_MS = 300_000;
const engines = inject("engines");
const main: Engine = engines.includes("postgres") ? "postgres" : "pglite";

// One source for the file: the demo seed holds every demo program (seconds to seed), and each
// case below reads, and in its last test changes, only its own program, with a key of its own.
let demo: Promise<DemoServer> | undefined;
const demoServer = () => (demo ??= startDemoServer(main));

/** Every program-owned row that an import writes, by key: what "nothing changed" compares. */
async function snapshot(db: TestDatabase, programId: number) {
  const q = <T>(sql: string) => db.withRunner((r) => r.query<T>(sql, [programId]));
  return {
    groups: await q(`SELECT key, name, slug FROM groups WHERE program_id = $1 ORDER BY key`),
    partnerships: await q(
      `SELECT partner_key, email, first_name, last_name, group_id, manager_user_id, is_marketplace,
              archived_at, updated_at FROM partnerships WHERE program_id = $1 ORDER BY partner_key`,
    ),
    tags: await q(
      `SELECT p.partner_key, t.name FROM partnership_tags pt
       JOIN partnerships p ON p.program_id = pt.program_id AND p.id = pt.partnership_id
       JOIN tags t ON t.program_id = pt.program_id AND t.id = pt.tag_id
       WHERE pt.program_id = $1 ORDER BY 1, 2`,
    ),
    customers: await q(
      `SELECT customer_key, email, name, partnership_id, archived_at, updated_at FROM customers
       WHERE program_id = $1 ORDER BY customer_key`,
    ),
    actions: await q(
      `SELECT key, action_type_id, value, customer_id, occurred_at, archived_at, reward_cents, updated_at
       FROM actions WHERE program_id = $1 ORDER BY key`,
    ),
    rewards: await q(
      `SELECT key, action_id, amount_cents, status, origin FROM rewards WHERE program_id = $1 ORDER BY key`,
    ),
  };
}

/**
 * One target: the import stopped in the middle of the actions, resumed, compared with the source
 * on every analytics engine given (the target's PostgreSQL, and ClickHouse fed by the outbox like
 * any other write), then run a third time.
 */
function importCase(
  spec: ProgramSpec,
  engine: Engine,
  filters: NamedFilters[],
  { withClickHouse, withRateLimit }: { withClickHouse: boolean; withRateLimit: boolean },
) {
  describe(`${spec.slug} into ${engine}${withClickHouse ? ", counted by PostgreSQL and chdb" : ""}`, () => {
    let source: DemoSource;
    let db: TestDatabase;
    let analytics: TestAnalytics | null = null;
    let target: Awaited<ReturnType<typeof createImportTarget>>;
    beforeAll(async () => {
      source = await demoProgramSource(await demoServer(), spec.slug);
      db = await createTestDatabase(engine);
      if (withClickHouse) analytics = await openTestAnalytics("chdb", db);
      target = await createImportTarget(db.prisma, source);
    }, 300_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await analytics?.close();
      await db?.close();
    });
    const start = () =>
      startOrResumeImport(db.prisma, target.id, {
        baseUrl: source.server.baseUrl,
        rerunRules: false,
        actor: { system: "test" },
      });

    it(
      "stopped halfway, then run again: the tab shows the source's numbers",
      async () => {
        const client = sourceClient(source);
        const { importId } = await start();
        const stopAt = Math.ceil(spec.actions / 250 / 2);
        let actionPages = 0;
        await expect(
          runImport(db.prisma, target.id, importId, client, {
            onProgress: (step) => {
              if (step.resource === "actions" && !step.done && ++actionPages === stopAt) {
                throw new Error("stopped");
              }
            },
          }),
        ).rejects.toThrow("stopped");
        const halfway = await importProgress(db.prisma, target.id, importId);
        expect(halfway.find((s) => s.resource === "actions")).toMatchObject({
          done: false,
          fetched: stopAt * 250,
        });
        expect(await db.prisma.action.count({ where: { programId: target.id } })).toBe(
          stopAt * 250,
        );
        expect(
          await db.prisma.partnerStackImport.findFirst({ where: { programId: target.id } }),
        ).toMatchObject({ status: "failed", error: "stopped" });

        expect(await start()).toEqual({ importId, resumed: true });
        const steps = await runImport(db.prisma, target.id, importId, client);
        const counts = Object.fromEntries(steps.map((s) => [s.resource, s]));
        expect(counts.actions).toMatchObject({
          fetched: spec.actions,
          stored: spec.actions,
          skipped: 0,
        });
        expect(counts.customers).toMatchObject({ fetched: spec.customers, stored: spec.customers });
        expect(counts.partnerships).toMatchObject({ stored: spec.partnerships });
        const sourceRewards = await source.db.prisma.reward.count({
          where: { programId: source.program.id },
        });
        expect(sourceRewards).toBeGreaterThan(0);
        expect(counts.rewards).toMatchObject({
          fetched: sourceRewards,
          stored: sourceRewards,
          skipped: 0,
        });
        expect(await db.prisma.action.count({ where: { programId: target.id } })).toBe(
          spec.actions,
        );
        // Imported actions say so (the drill-down and exports: "Imported: rewards as the source made them").
        expect(
          await db.prisma.action.count({
            where: { programId: target.id, importedAt: null },
          }),
        ).toBe(0);
        const outcomes = await db.withRunner((r) =>
          r.query<{ reward_outcome: string }>(
            `SELECT DISTINCT reward_outcome::text FROM actions WHERE program_id = $1`,
            [target.id],
          ),
        );
        expect(outcomes.map((o) => o.reward_outcome)).toEqual(['{"imported": true}']);

        const sourceTab = {
          db: source.db,
          analytics: { engine: postgresTabEngine(source.db), worker: null },
        };
        const targetTabs = [{ db, analytics: { engine: postgresTabEngine(db), worker: null } }];
        if (analytics) {
          await analytics.sync();
          targetTabs.push({ db, analytics: { engine: analytics.engine, worker: null } });
        }
        for (const view of filters) {
          const expected = await tabNumbers(sourceTab, source.program, view, NOW);
          // Each view counts something, so agreement is not agreement on nothing.
          expect(expected.summary.current.occurrences, JSON.stringify(view)).toBeGreaterThan(0);
          for (const tab of targetTabs) {
            const label = `${JSON.stringify(view)} on ${tab.analytics.engine.name}`;
            expect(await tabNumbers(tab, target, view, NOW), label).toEqual(expected);
          }
        }
      },
      HEAVY_MS,
    );

    it(
      "run a third time: reads everything again and changes nothing",
      async () => {
        const before = await snapshot(db, target.id);
        const { importId, resumed } = await start();
        expect(resumed).toBe(false);
        const steps = await runImport(db.prisma, target.id, importId, sourceClient(source));
        for (const step of steps)
          expect(step, step.resource).toMatchObject({ stored: 0, done: true });
        expect(steps.find((s) => s.resource === "actions")?.fetched).toBe(spec.actions);
        expect(await snapshot(db, target.id)).toEqual(before);
      },
      HEAVY_MS,
    );

    if (withRateLimit)
      it("waits out a 429 with Retry-After: 2 without counting it as a failure", async () => {
        const other = await createImportTarget(db.prisma, source);
        const waits: number[] = [];
        const { importId } = await startOrResumeImport(db.prisma, other.id, {
          baseUrl: source.server.baseUrl,
          rerunRules: false,
          actor: { system: "test" },
        });
        const asked = source.server.requests.length;
        source.server.answerNext(1, 429, { "retry-after": "2" });
        const steps = await runImport(db.prisma, other.id, importId, sourceClient(source, waits));
        expect(waits).toEqual([2000]);
        // The refused request was asked again: one more request than pages.
        expect(source.server.requests.slice(asked)[0]).toBe(source.server.requests.slice(asked)[1]);
        expect(steps.find((s) => s.resource === "actions")).toMatchObject({ stored: spec.actions });
        expect(
          await db.prisma.partnerStackImport.findUniqueOrThrow({
            where: { programId_id: { programId: other.id, id: importId } },
          }),
        ).toMatchObject({ status: "done", error: null });
      });

    it(
      "the incremental pull brings changes the webhooks missed",
      async () => {
        vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "import-test-encryption-key-0123456789");
        await db.prisma.partnerStackConnection.create({
          data: {
            programId: target.id,
            baseUrl: source.server.baseUrl,
            publicKey: source.keys.publicKey,
            secretKeySealed: seal(source.keys.secretKey),
            webhookSecretSealed: seal("unused"),
          },
        });
        const from = source.program.id;
        // At the source, after the import: a partnership changes group, a customer is archived,
        // an action arrives.
        const moved = await source.db.prisma.partnership.findFirstOrThrow({
          where: { programId: from, archivedAt: null },
          include: { group: true, actions: { take: 1 } },
          orderBy: { partnerKey: "asc" },
        });
        const otherGroup = await source.db.prisma.group.findFirst({
          where: { programId: from, id: { not: moved.groupId } },
        });
        if (otherGroup) {
          await source.db.prisma.partnership.update({
            where: { programId_id: { programId: from, id: moved.id } },
            data: { groupId: otherGroup.id },
          });
        }
        const customer = await source.db.prisma.customer.findFirstOrThrow({
          where: { programId: from, archivedAt: null },
          orderBy: { customerKey: "asc" },
        });
        await source.db.prisma.customer.update({
          where: { programId_id: { programId: from, id: customer.id } },
          data: { archivedAt: new Date() },
        });
        const type = await source.db.prisma.actionType.findFirstOrThrow({
          where: { programId: from },
        });
        await source.db.prisma.action.create({
          data: {
            programId: from,
            key: "act_after_import",
            actionTypeId: type.id,
            targetType: "partnership",
            partnershipId: moved.id,
            occurredAt: new Date(NOW - 3_600_000),
          },
        });

        const pulled = await syncProgram(db.prisma, target.id, sourceClient(source));
        expect(pulled.stored).toBe((otherGroup ? 1 : 0) + 2);
        const here = await db.prisma.partnership.findFirstOrThrow({
          where: { programId: target.id, partnerKey: moved.partnerKey },
          include: { group: true },
        });
        expect(here.group.key).toBe(otherGroup?.key ?? moved.group.key);
        expect(
          await db.prisma.customer.findFirstOrThrow({
            where: { programId: target.id, customerKey: customer.customerKey },
          }),
        ).toMatchObject({ archivedAt: expect.any(Date) });
        const sourceTab = {
          db: source.db,
          analytics: { engine: postgresTabEngine(source.db), worker: null },
        };
        const targetTab = { db, analytics: { engine: postgresTabEngine(db), worker: null } };
        for (const view of filters.slice(0, 2)) {
          expect(await tabNumbers(targetTab, target, view, NOW)).toEqual(
            await tabNumbers(sourceTab, source.program, view, NOW),
          );
        }
        // Pulled again: nothing new.
        expect((await syncProgram(db.prisma, target.id, sourceClient(source))).stored).toBe(0);
      },
      HEAVY_MS,
    );
  });
}

describe("importing a program from another Actionboard", () => {
  afterAll(async () => {
    const started = demo;
    demo = undefined;
    if (started) await (await started).close();
  });
  importCase(ACME, main, ACME_TAB_FILTERS, {
    withClickHouse: true,
    withRateLimit: main === "pglite",
  });
  // The embedded database, with the small demo program (the big one ran above).
  if (main !== "pglite") {
    importCase(GLOBEX, "pglite", [{}, { groups: ["Referrers"] }, { tags: ["founding"] }], {
      withClickHouse: false,
      withRateLimit: true,
    });
  }
});
