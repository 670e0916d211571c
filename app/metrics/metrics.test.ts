// GET /metrics: served only with METRICS_TOKEN, in Prometheus's text format (read back with a
// Prometheus parser), counting what the API and the rate limits did, reading the database-wide
// gauges from the database, labelling HTTP requests by route pattern only.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { environmentRestorer } from "@/lib/config/config.mjs";
import { openDatabase } from "@/lib/db/open";
import { observeRequest } from "@/lib/observability/observe-request.mjs";
import { routeMatcher } from "@/lib/observability/route-patterns.mjs";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { closedResponses } from "@/lib/testing/closed-responses";
import { metricFamilies, parseMetrics, sampleOf, type Scrape } from "@/lib/testing/prometheus-text";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../api/v2/actions/route";
import * as batchRoute from "../api/v2/actions/batch/route";
import * as metricsRoute from "./route";

const TOKEN = "metrics-test-token-0123456789";

describe.each(inject("engines"))("GET /metrics on %s", (engine) => {
  let db: TestDatabase;
  const restoreEnv = environmentRestorer();
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(restoreEnv);

  const get = (authorization?: string) =>
    metricsRoute.GET.on(db)(
      new Request("http://localhost/metrics", {
        headers: authorization ? { authorization } : {},
      }),
    );
  async function scrape(): Promise<Scrape> {
    process.env.METRICS_TOKEN = TOKEN;
    const response = await get(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    return parseMetrics(await response.text());
  }

  it("is served only with METRICS_TOKEN set, and only to its Bearer token", async () => {
    delete process.env.METRICS_TOKEN;
    const off = await get(`Bearer ${TOKEN}`);
    expect(off.status).toBe(404);
    expect((await off.json()).message).toMatch(/METRICS_TOKEN.*METRICS_PORT/);

    process.env.METRICS_TOKEN = TOKEN;
    const missing = await get();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get(`Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`)).status).toBe(401);

    const served = await get(`Bearer ${TOKEN}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await served.text();
    expect(body).not.toContain(TOKEN);
    // Every family declares what it is.
    for (const family of metricFamilies(body)) {
      expect(family.help, family.name).not.toBe("");
      expect(family.type, family.name).not.toBe("UNTYPED");
    }
  });

  it("has Node's process metrics and every metric of ours, with its labels", async () => {
    const metrics = await scrape();
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(metrics.has(name), name).toBe(true);
    }
    const ours: Record<string, string> = {
      http_request_duration_seconds: "HISTOGRAM",
      http_requests_in_flight: "GAUGE",
      actionboard_api_actions_total: "COUNTER",
      actionboard_rate_limit_refusals_total: "COUNTER",
      actionboard_deliveries_total: "COUNTER",
      actionboard_partnerstack_records_total: "COUNTER",
      actionboard_job_runs_total: "COUNTER",
      actionboard_job_duration_seconds: "HISTOGRAM",
      actionboard_database_up: "GAUGE",
      actionboard_analytics_outbox_rows: "GAUGE",
      actionboard_analytics_copy_lag_seconds: "GAUGE",
      actionboard_partnerstack_imports_running: "GAUGE",
      actionboard_partnerstack_import_records: "GAUGE",
    };
    for (const [name, type] of Object.entries(ours)) {
      expect(metrics.get(name)?.type, name).toBe(type);
    }
    expect(sampleOf(metrics, "actionboard_database_up")).toBe(1);
  });

  it("counts the API's actions by endpoint and outcome, and rate-limit refusals by limit", async () => {
    const f = await seedApiProgram(db.prisma);
    const action = (key: string) => ({
      key,
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    });
    const post = (body: unknown) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth: f.basic, body });
    const before = await scrape();

    expect((await post(action("m-1"))).status).toBe(200);
    expect((await post(action("m-2"))).status).toBe(200);
    expect((await post(action("m-1"))).headers.get("idempotent-replayed")).toBe("true");
    expect((await post({ ...action("m-3"), type: "" })).status).toBe(422);
    const batch = await callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: { actions: [action("b-1"), action("m-2"), { ...action("b-3"), target_key: "" }] },
    });
    expect(batch.json.data).toMatchObject({ accepted: 2, rejected: 1 });

    // A key of its own for the limit: this process claims a key's requests from the database in
    // blocks sized by the limit in force when it first counts that key.
    process.env.RATE_LIMIT_API_KEY = "1/1m";
    const limited = await seedApiProgram(db.prisma);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const answer = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: limited.basic,
        body: action(`r-${i}`),
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 429, 429]);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sampleOf(after, name, labels) - sampleOf(before, name, labels);
    const actions = "actionboard_api_actions_total";
    expect(delta(actions, { endpoint: "single", outcome: "recorded" })).toBe(3);
    expect(delta(actions, { endpoint: "single", outcome: "replayed" })).toBe(1);
    expect(delta(actions, { endpoint: "single", outcome: "refused" })).toBe(1);
    expect(delta(actions, { endpoint: "batch", outcome: "recorded" })).toBe(1);
    expect(delta(actions, { endpoint: "batch", outcome: "replayed" })).toBe(1);
    expect(delta(actions, { endpoint: "batch", outcome: "refused" })).toBe(1);
    expect(delta("actionboard_rate_limit_refusals_total", { limit: "api_key" })).toBe(2);
    // What the database holds agrees: m-1, m-2 and b-1 stored, then r-0 only, nothing else.
    expect(await db.prisma.action.count({ where: { programId: f.program.id } })).toBe(3);
    expect(await db.prisma.action.count({ where: { programId: limited.program.id } })).toBe(1);
  });

  it("reads the outbox backlog, the copy's lag and the imports under way from the database", async () => {
    // The program's partnerships and customers are changes the copy has yet to receive.
    const f = await seedApiProgram(db.prisma);
    // The oldest waiting change is made 90 s old; the backlog is whatever the triggers wrote.
    await db.prisma
      .$executeRaw`UPDATE analytics_outbox SET created_at = now() - interval '90 seconds'
      WHERE program_id = ${f.program.id}
        AND id = (SELECT min(id) FROM analytics_outbox WHERE program_id = ${f.program.id})`;
    const waiting = await db.prisma.analyticsOutbox.count();
    expect(waiting).toBeGreaterThan(0);

    const run = await db.prisma.partnerStackImport.create({
      data: { programId: f.program.id, baseUrl: "https://api.partnerstack.test" },
    });
    const steps = [
      { resource: "groups", fetched: 3, stored: 2, skipped: 1 },
      { resource: "partnerships", fetched: 250, stored: 240, skipped: 10 },
    ];
    await db.prisma.partnerStackImportStep.createMany({
      data: steps.map((s) => ({ programId: f.program.id, importId: run.id, ...s })),
    });
    const started = Date.now();
    const metrics = await scrape();
    expect(sampleOf(metrics, "actionboard_analytics_outbox_rows")).toBe(waiting);
    const lag = sampleOf(metrics, "actionboard_analytics_copy_lag_seconds");
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(90 + (Date.now() - started) / 1000 + 5);
    expect(sampleOf(metrics, "actionboard_partnerstack_imports_running")).toBe(1);
    for (const step of steps) {
      for (const state of ["fetched", "stored", "skipped"] as const) {
        expect(
          sampleOf(metrics, "actionboard_partnerstack_import_records", {
            resource: step.resource,
            state,
          }),
        ).toBe(step[state]);
      }
    }

    // Done: it drops out of the gauges.
    await db.prisma.partnerStackImport.update({
      where: { programId_id: { programId: f.program.id, id: run.id } },
      data: { status: "done" },
    });
    const later = await scrape();
    expect(sampleOf(later, "actionboard_partnerstack_imports_running")).toBe(0);
    expect(later.get("actionboard_partnerstack_import_records")?.metrics ?? []).toEqual([]);
  });

  it("still answers when the database does not, with database_up 0", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const down = await openDatabase({
      engine: "postgres",
      url: "postgresql://nobody:hunter2-secret@127.0.0.1:9/nowhere",
    });
    try {
      const response = await metricsRoute.GET.on(down)(
        new Request("http://localhost/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }),
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(sampleOf(parseMetrics(text), "actionboard_database_up")).toBe(0);
      expect(text).not.toContain("hunter2");
    } finally {
      await down.close();
    }
  });
});

describe("HTTP request metrics", () => {
  let server: Server;
  let base: string;
  const closed = closedResponses();
  // Next's manifest entries for these routes (static first, then dynamic in Next's order).
  const routeOf = routeMatcher({
    staticRoutes: [{ page: "/api/v2/actions" }],
    dynamicRoutes: [
      { page: "/p/[slug]/actions", regex: "^/p/([^/]+?)/actions(?:/)?$" },
      { page: "/reset-password/[token]", regex: "^/reset-password/([^/]+?)(?:/)?$" },
    ],
  });
  beforeAll(async () => {
    server = createServer((req, res) => {
      observeRequest(req, res, routeOf);
      closed.track(res);
      res.statusCode = req.url?.startsWith("/reset-password/") ? 404 : 200;
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("labels requests by method, route pattern and status, never by the URL asked for", async () => {
    const { metricsText } = await import("@/lib/observability/metrics.mjs");
    const read = async () => parseMetrics((await metricsText(null)).body);
    const before = await read();
    const closedBefore = closed.count;
    for (const path of ["/p/acme/actions?timeframe=past_7_days", "/p/globex/actions/"]) {
      await fetch(base + path).then((r) => r.text());
    }
    await fetch(`${base}/reset-password/one-time-token-123`).then((r) => r.text());
    await fetch(`${base}/nowhere/at/all`, { method: "DELETE" }).then((r) => r.text());
    // A request is counted when its response has closed, which the client may see first.
    await closed.until(closedBefore + 4);
    const after = await read();
    const delta = (labels: Record<string, string>) =>
      sampleOf(after, "http_request_duration_seconds_count", labels) -
      sampleOf(before, "http_request_duration_seconds_count", labels);
    expect(delta({ method: "GET", route: "/p/[slug]/actions", status: "200" })).toBe(2);
    expect(delta({ method: "GET", route: "/reset-password/[token]", status: "404" })).toBe(1);
    expect(delta({ method: "DELETE", route: "(unmatched)", status: "200" })).toBe(1);
    const values = after
      .get("http_request_duration_seconds_count")!
      .metrics.flatMap((m) => Object.values(m.labels ?? {}));
    for (const leaked of ["acme", "globex", "one-time-token-123", "nowhere", "past_7_days"]) {
      expect(
        values.some((v) => v.includes(leaked)),
        leaked,
      ).toBe(false);
    }
    expect(sampleOf(after, "http_requests_in_flight")).toBe(0);
  });
});
