// GET /api/health (liveness) and ?ready (readiness): 200 or 503, naming what failed, with no
// secret in the answer; the analytics copy's reachability and lag through checkReadiness itself.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { beginShutdown, undoShutdown } from "@/lib/background/shutdown.mjs";
import { environmentRestorer } from "@/lib/config/config.mjs";
import { readMigrations } from "@/lib/db/migrations";
import { openDatabase } from "@/lib/db/open";
import { checkReadiness } from "@/lib/observability/check-readiness";
import { databaseWithCopy } from "@/lib/testing/database-with-copy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import * as healthRoute from "./route";

const DOWN_PASSWORD = "s3cret-db-password-do-not-show";
const DOWN_URL = `postgresql://actionboard:${DOWN_PASSWORD}@127.0.0.1:9/actionboard`;

async function ask(route: (request: Request) => Promise<Response>, query = "") {
  const response = await route(new Request(`http://localhost/api/health${query}`));
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

describe.each(inject("engines"))("GET /api/health on %s", (engine) => {
  let db: TestDatabase;
  const restoreEnv = environmentRestorer();
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => {
    restoreEnv();
    undoShutdown();
  });

  it("answers liveness without asking the database", async () => {
    const down = await openDatabase({ engine: "postgres", url: DOWN_URL });
    try {
      const alive = await ask(healthRoute.GET.on(down));
      expect(alive).toMatchObject({ status: 200, json: { status: "alive" } });
    } finally {
      await down.close();
    }
  });

  it("is ready when the database answers and every migration is applied", async () => {
    delete process.env.SMTP_URL;
    delete process.env.ANALYTICS_URL;
    const ready = await ask(healthRoute.GET.on(db), "?ready");
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({
      status: "ready",
      failed: [],
      checks: {
        database: { status: "ok" },
        migrations: { status: "ok", applied: (await readMigrations()).length },
        analytics: { status: "off", message: expect.stringContaining("ANALYTICS_URL") },
        mailer: { status: "off", message: expect.stringContaining("SMTP_URL") },
      },
    });
    process.env.SMTP_URL = "smtps://mailer:mail-password-123@smtp.example.test:465";
    const mailing = await ask(healthRoute.GET.on(db), "?ready");
    expect(mailing.json.checks.mailer).toEqual({ status: "ok" });
    expect(mailing.text).not.toContain("mail-password-123");
  });

  it("answers 503 naming the database when it does not answer, and shows no secret", async () => {
    process.env.DATABASE_URL = DOWN_URL;
    const down = await openDatabase({ engine: "postgres", url: DOWN_URL });
    try {
      const answer = await ask(healthRoute.GET.on(down), "?ready");
      expect(answer.status).toBe(503);
      expect(answer.json.status).toBe("not ready");
      expect(answer.json.failed).toEqual(["database"]);
      expect(answer.json.checks.database).toMatchObject({
        status: "failed",
        message: expect.stringMatching(/^no answer: /),
      });
      expect(answer.json.checks.migrations.status).toBe("unknown");
      expect(answer.text).not.toContain(DOWN_PASSWORD);
    } finally {
      await down.close();
    }
  });

  it("answers 503 naming the migrations this code has and the database lacks", async () => {
    const last = (await readMigrations()).at(-1)!.name;
    // The database as it was before its last migration was applied (its record set aside, put
    // back after: migrating a database one step short takes seconds on PGlite).
    const [record] = await db.prisma.$queryRaw<Record<string, unknown>[]>`
      DELETE FROM "_prisma_migrations" WHERE migration_name = ${last} RETURNING *`;
    expect(record).toBeDefined();
    try {
      const answer = await ask(healthRoute.GET.on(db), "?ready");
      expect(answer.status).toBe(503);
      expect(answer.json.failed).toEqual(["migrations"]);
      expect(answer.json.checks.migrations).toMatchObject({ status: "failed", pending: [last] });
      expect(answer.json.checks.migrations.message).toContain(last);
    } finally {
      await db.prisma.$executeRaw`
        INSERT INTO "_prisma_migrations"
        SELECT * FROM json_populate_record(NULL::"_prisma_migrations", ${JSON.stringify(record)}::json)`;
    }
    expect((await ask(healthRoute.GET.on(db), "?ready")).status).toBe(200);
  });

  it("answers 503 while the process is stopping, so the balancer stops sending", async () => {
    beginShutdown();
    const answer = await ask(healthRoute.GET.on(db), "?ready");
    expect(answer.status).toBe(503);
    expect(answer.json.failed).toEqual(["server"]);
    expect(answer.json.checks.server).toEqual({ status: "failed", message: "shutting down" });
    // Liveness still holds: the process is answering, only draining.
    expect((await ask(healthRoute.GET.on(db))).status).toBe(200);
  });
});

describe("readiness of the analytics copy", () => {
  const copy = databaseWithCopy();
  const sources = (state: Parameters<typeof checkReadiness>[0]["analytics"]) => ({
    database: async () => copy.db,
    analytics: state,
    mailConfigured: true,
    shuttingDown: false,
  });

  it("reports the copy reachable and how far it trails the database", async () => {
    const f = await seedApiProgram(copy.db.prisma);
    await copy.db.prisma
      .$executeRaw`UPDATE analytics_outbox SET created_at = now() - interval '42 seconds'
      WHERE program_id = ${f.program.id}`;
    const open = async () => ({ copy: copy.analytics.ch!, worker: { lastError: null } });
    const behind = await checkReadiness(sources(open));
    expect(behind.status).toBe("ready");
    expect(behind.checks.analytics.status).toBe("ok");
    expect(behind.checks.analytics.lag_seconds).toBeGreaterThanOrEqual(42);
    expect(behind.checks.analytics.lag_seconds).toBeLessThan(60);

    await copy.analytics.sync();
    const caughtUp = await checkReadiness(sources(open));
    expect(caughtUp.checks.analytics).toEqual({ status: "ok", lag_seconds: 0 });
  });

  it("fails when the copy cannot be reached, naming it without its password", async () => {
    const unavailable = async () => ({
      unavailable: "connect ECONNREFUSED: http://reader:ch-password-789@clickhouse.test:8123",
      worker: null,
    });
    const answer = await checkReadiness(sources(unavailable));
    expect(answer.status).toBe("not ready");
    expect(answer.failed).toEqual(["analytics"]);
    expect(answer.checks.analytics.message).toContain("ECONNREFUSED");
    expect(JSON.stringify(answer)).not.toContain("ch-password-789");

    const hung = () => new Promise<never>(() => {});
    const slow = await checkReadiness({ ...sources(hung), timeoutMs: 200 });
    expect(slow.failed).toEqual(["analytics"]);
    expect(slow.checks.analytics.message).toMatch(/no answer within 0\.2 s/);
  });
});
