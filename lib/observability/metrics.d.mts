// Types of metrics.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
import type { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface ProcessMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  httpInFlight: Gauge;
  apiActions: Counter<"endpoint" | "outcome">;
  rateLimitRefusals: Counter<"limit">;
  deliveries: Counter<"outcome">;
  importRecords: Counter<"resource" | "outcome">;
  jobRuns: Counter<"job" | "outcome">;
  jobDuration: Histogram<"job">;
  databaseUp: Gauge;
  outboxRows: Gauge;
  copyLag: Gauge;
  importsRunning: Gauge;
  importProgress: Gauge<"resource" | "state">;
  probe: null | (() => Promise<void>);
}

/** This process's metrics (one registry per process, on globalThis). */
export function metrics(): ProcessMetrics;

/** Sets what fills the database-wide gauges before each scrape. */
export function setMetricsProbe(probe: () => Promise<void>): void;

/** The text /metrics answers, with its content type. */
export function metricsText(
  probe?: null | (() => Promise<void>),
): Promise<{ contentType: string; body: string }>;
