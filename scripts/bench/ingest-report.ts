// The ingestion benchmark's markdown tables: each figure for the baseline, the app and the app
// on two processes, the ratio to the baseline, and the issue's targets.
import { percentile, type LoadResult } from "./http-load";
import type { StoredWork } from "./ingest-same-work";

type Timed = LoadResult & { serverCpuMs: number; postgresCpuMs: number };

export interface Measured {
  closed?: Timed;
  open?: Timed;
  /** Sorted milliseconds of each batch. */
  batchMs?: number[];
}

interface Settings {
  requests: number;
  inFlight: number;
  rate: number;
  seconds: number;
  maxInFlight: number;
  runs: number;
  batch: number;
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const one = (n: number) => n.toFixed(1);
const two = (n: number) => n.toFixed(2);
const perSecond = (r: LoadResult) => r.ok / r.seconds;
const p = (r: LoadResult, q: number) => percentile(r.latencies, q);
const cpu = (r: Timed) => `${two(r.serverCpuMs / r.ok)} / ${two(r.postgresCpuMs / r.ok)}`;
const batchRate = (ms: number[], batch: number) => (batch * 1000) / percentile(ms, 50);

export function printIngestReport(run: {
  machine: string;
  settings: Settings;
  subjects: ({ name: string } & Measured)[];
  stored: StoredWork[];
}) {
  const { settings: s, subjects } = run;
  const [baseline, app] = subjects;
  const ratio = (value: (m: Measured) => number | undefined, higherIsBetter: boolean) => {
    const [b, a] = [value(baseline), value(app)];
    if (b === undefined || a === undefined) return "";
    return higherIsBetter ? `${two(b / a)}×` : `${two(a / b)}×`;
  };
  const row = (
    label: string,
    show: (m: Measured) => string | undefined,
    ratioText: string,
    target: string,
    met: (m: Measured) => boolean | undefined,
  ) => {
    const cells = subjects.map((m) => show(m) ?? "—");
    const verdict = met(app);
    const extra = cells.slice(2);
    return `| ${label} | ${cells[0]} | ${cells[1]} | ${ratioText} | ${extra.join(" | ")}${extra.length ? " | " : ""}${target} | ${verdict === undefined ? "" : verdict ? "yes" : "**no**"} |`;
  };
  const closedRate = (m: Measured) => (m.closed ? perSecond(m.closed) : undefined);
  const openP99 = (m: Measured) => (m.open ? p(m.open, 99) : undefined);
  const batchPerSecond = (m: Measured) => (m.batchMs ? batchRate(m.batchMs, s.batch) : undefined);
  const names = subjects.map((m) => m.name);
  const header = [
    names[0],
    names[1],
    `${names[0]} ÷ app (or app ÷ ${names[0]} for times)`,
    ...names.slice(2),
    "target",
    "met?",
  ];
  console.log(`
${run.machine}

| measurement | ${header.join(" | ")} |
| --- | ${header.map(() => "---:").join(" | ")} |
${row(
  `single POST, closed loop (${s.inFlight} in flight, ${int(s.requests)} requests): requests/s`,
  (m) => (m.closed ? one(perSecond(m.closed)) : undefined),
  ratio(closedRate, true),
  "≥ 400/s and within 1.3× of the baseline",
  (m) => {
    const [a, b] = [closedRate(m), closedRate(baseline)];
    return a === undefined || b === undefined ? undefined : a >= 400 && b / a <= 1.3;
  },
)}
${row(
  "… latency p50 / p99 ms",
  (m) => (m.closed ? `${one(p(m.closed, 50))} / ${one(p(m.closed, 99))}` : undefined),
  "",
  "",
  () => undefined,
)}
${row(
  "… CPU ms per request: server / PostgreSQL",
  (m) => (m.closed ? cpu(m.closed) : undefined),
  "",
  "",
  () => undefined,
)}
${row(
  `single POST, open loop at ${s.rate}/s for ${s.seconds} s: p50 / p95 / p99 ms`,
  (m) =>
    m.open ? `${one(p(m.open, 50))} / ${one(p(m.open, 95))} / ${one(p(m.open, 99))}` : undefined,
  ratio(openP99, false),
  "p99 ≤ 50 ms",
  (m) => (openP99(m) === undefined ? undefined : openP99(m)! <= 50),
)}
${row(
  "… served/s, errors, skipped (≥ " + s.maxInFlight + " in flight)",
  (m) => (m.open ? `${one(perSecond(m.open))}, ${m.open.errors}, ${m.open.skipped}` : undefined),
  "",
  "",
  () => undefined,
)}
${row(
  "… CPU ms per request: server / PostgreSQL",
  (m) => (m.open ? cpu(m.open) : undefined),
  "",
  "",
  () => undefined,
)}
${row(
  `batch of ${int(s.batch)} (median of ${s.runs}): ms → actions/s`,
  (m) => (m.batchMs ? `${one(percentile(m.batchMs, 50))} → ${int(batchPerSecond(m)!)}` : undefined),
  ratio(batchPerSecond, true),
  "≥ 30,000 actions/s",
  (m) => (batchPerSecond(m) === undefined ? undefined : batchPerSecond(m)! >= 30_000),
)}

Stored (plain SQL): ${subjects
    .map(
      (m, i) =>
        `${m.name}: ${int(run.stored[i].actions)} actions, ${int(run.stored[i].rewards)} rewards, ${int(run.stored[i].logRows)} log rows`,
    )
    .join("; ")}.
`);
}
