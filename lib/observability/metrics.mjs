// The server's Prometheus metrics (prom-client): one registry per process, kept on globalThis, so
// what route handlers and background workers count (bundled by Next into separate module graphs)
// and what scripts/start-server.mjs times (plain Node, around Next's handler) end up in the one
// answer of /metrics. Labels take few values: a route is its pattern (`/p/[slug]/actions`), never
// the URL asked for. Gauges marked "database-wide" are read from the database when scraped: every
// process reports the same value (aggregate them with max, not sum).
import client from "prom-client";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP requests by method, route pattern and status: time until the response was sent (_count: requests).",
      labelNames: ["method", "route", "status"],
      buckets: SECONDS,
      registers,
    }),
    httpInFlight: new client.Gauge({
      name: "http_requests_in_flight",
      help: "HTTP requests being answered now.",
      registers,
    }),
    apiActions: new client.Counter({
      name: "actionboard_api_actions_total",
      help: "Actions sent to the Actions API, by endpoint (single, batch) and outcome (recorded, replayed, refused).",
      labelNames: ["endpoint", "outcome"],
      registers,
    }),
    rateLimitRefusals: new client.Counter({
      name: "actionboard_rate_limit_refusals_total",
      help: "Events refused by a rate limit, by limit (api_key, api_wrong_secret, signin_account, …).",
      labelNames: ["limit"],
      registers,
    }),
    deliveries: new client.Counter({
      name: "actionboard_deliveries_total",
      help: "Delivery attempts finished by this process, by outcome (sent, retrying, failed).",
      labelNames: ["outcome"],
      registers,
    }),
    importRecords: new client.Counter({
      name: "actionboard_partnerstack_records_total",
      help: "PartnerStack records this process stored or skipped while importing, by resource.",
      labelNames: ["resource", "outcome"],
      registers,
    }),
    jobRuns: new client.Counter({
      name: "actionboard_job_runs_total",
      help: "Background job runs, by job (analytics-outbox, deliveries, partnerstack) and outcome (ok, failed).",
      labelNames: ["job", "outcome"],
      registers,
    }),
    jobDuration: new client.Histogram({
      name: "actionboard_job_duration_seconds",
      help: "Background job runs: how long each took, by job.",
      labelNames: ["job"],
      buckets: SECONDS,
      registers,
    }),
    databaseUp: new client.Gauge({
      name: "actionboard_database_up",
      help: "1 when the database answered this scrape's questions, else 0.",
      registers,
    }),
    outboxRows: new client.Gauge({
      name: "actionboard_analytics_outbox_rows",
      help: "Database-wide: changes waiting to be copied to the analytics copy.",
      registers,
    }),
    copyLag: new client.Gauge({
      name: "actionboard_analytics_copy_lag_seconds",
      help: "Database-wide: age of the oldest change not yet copied (0 when none waits).",
      registers,
    }),
    importsRunning: new client.Gauge({
      name: "actionboard_partnerstack_imports_running",
      help: "Database-wide: PartnerStack imports under way.",
      registers,
    }),
    importProgress: new client.Gauge({
      name: "actionboard_partnerstack_import_records",
      help: "Database-wide: records of the imports under way, by resource and state (fetched, stored, skipped).",
      labelNames: ["resource", "state"],
      registers,
    }),
    /** @type {null | (() => Promise<void>)} */
    probe: null,
  };
}

const store =
  /** @type {typeof globalThis & { __actionboardMetrics?: ReturnType<typeof createMetrics> }} */ (
    globalThis
  );

/** This process's metrics. */
export function metrics() {
  store.__actionboardMetrics ??= createMetrics();
  return store.__actionboardMetrics;
}

/**
 * Sets what fills the database-wide gauges before each scrape (lib/observability/probe-database.ts
 * registers it where the database is known).
 * @param {() => Promise<void>} probe
 */
export function setMetricsProbe(probe) {
  metrics().probe = probe;
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * The text /metrics answers: the database-wide gauges read now by `probe` (by default the one
 * set for the process; `database_up` 0 when it fails), then every metric.
 * @param {null | (() => Promise<void>)} [probe]
 */
export async function metricsText(probe = metrics().probe) {
  const m = metrics();
  if (probe) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([probe(), timeout]);
      m.databaseUp.set(1);
    } catch {
      m.databaseUp.set(0);
    } finally {
      clearTimeout(timer);
    }
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
