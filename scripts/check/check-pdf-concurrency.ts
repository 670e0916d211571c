// npm run check:pdf-concurrency — what many PDFs at once cost a server (issue 23: six tab PDFs at
// once took one from 640 MB to 1.45 GB). On a fresh local PostgreSQL database with the demo data,
// the app's server (the build must exist; run under the build lock) makes the any-time tab PDF of
// Acme (55,000 actions) alone, then receives CHECK_PDFS (default 6) requests for it at once. Prints
// statuses, times and the server's peak resident memory (its process tree, sampled every 50 ms)
// against its idle memory; exits 1 if the concurrent run grows more than the single one allowed
// for, or anything answers other than 200 or 503 "busy" with Retry-After.
import { readCommandLine } from "../lib/command-line.mjs";

readCommandLine({
  command: "npm run check:pdf-concurrency",
  summary:
    "What many PDFs at once cost the app's server: one any-time tab PDF alone, then CHECK_PDFS (6) at once; exits 1 past the memory allowed (the build must exist).",
});

// The work's modules load after the command line is read: `--help` answers without them.
const { EXAMPLE_API_KEY } = await import("../../lib/openapi/examples");
const { migrate, openDatabase } = await import("../../lib/db/open");
const { seedDemo } = await import("../../lib/seed/seed-demo");
const { DEMO_LOGIN } = await import("../../lib/seed/demo-programs");
const { processTreeRss } = await import("../../lib/testing/process-memory");
const { freshDatabase } = await import("./fixture");
const { describeMachine } = await import("./machine");
const { startServer } = await import("./server");

const PDFS = Number(process.env.CHECK_PDFS ?? 6);
const target = await freshDatabase({ engine: "postgres", name: "ab_check_pdf" });
const db = await openDatabase(target);
await migrate(db);
await db.withRunner((runner) => seedDemo(runner));
await db.close();

const authorization = `Basic ${Buffer.from(`${EXAMPLE_API_KEY.publicKey}:${EXAMPLE_API_KEY.secret}`).toString("base64")}`;
const { server } = await startServer({
  port: 3270,
  database: target,
  log: ".data/check/pdf-concurrency.log",
  authorization,
});
const MB = 2 ** 20;
try {
  const csrf = await fetch(new URL("/api/auth/csrf", server.base));
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(new URL("/api/auth/callback/credentials", server.base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, ...DEMO_LOGIN, json: "true" }),
    redirect: "manual",
  });
  cookies.push(...signIn.headers.getSetCookie().map((c) => c.split(";")[0]));
  const pdf = async () => {
    const started = performance.now();
    const response = await fetch(
      new URL("/p/acme/actions/export/tab.pdf?timeframe=any_time", server.base),
      { headers: { cookie: cookies.join("; ") } },
    );
    const bytes = (await response.arrayBuffer()).byteLength;
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      ms: performance.now() - started,
      bytes,
    };
  };
  /** Runs `work` while sampling the server's memory; returns its result and the peak. */
  const sampled = async <T>(work: () => Promise<T>) => {
    let peak = processTreeRss(server.pid);
    const timer = setInterval(() => (peak = Math.max(peak, processTreeRss(server.pid))), 50);
    try {
      return { result: await work(), peak };
    } finally {
      clearInterval(timer);
      peak = Math.max(peak, processTreeRss(server.pid));
    }
  };

  await pdf(); // warm: fonts, compiled routes
  const idle = processTreeRss(server.pid);
  const one = await sampled(pdf);
  const many = await sampled(() => Promise.all(Array.from({ length: PDFS }, pdf)));
  const statuses = many.result.map((r) => r.status);
  const made = many.result.filter((r) => r.status === 200);
  console.log(`check:pdf-concurrency on ${describeMachine()}`);
  console.log(`idle server: ${Math.round(idle / MB)} MB`);
  console.log(
    `one PDF: ${one.result.status}, ${Math.round(one.result.ms)} ms, ${Math.round(one.result.bytes / 1024)} KB; peak ${Math.round(one.peak / MB)} MB (+${Math.round((one.peak - idle) / MB)})`,
  );
  console.log(
    `${PDFS} at once: ${made.length} × 200 (slowest ${Math.round(Math.max(...made.map((r) => r.ms)))} ms), ${statuses.filter((s) => s === 503).length} × 503; peak ${Math.round(many.peak / MB)} MB (+${Math.round((many.peak - idle) / MB)})`,
  );
  const problems: string[] = [];
  if (one.result.status !== 200) problems.push(`a single PDF answered ${one.result.status}`);
  for (const r of many.result) {
    if (r.status !== 200 && !(r.status === 503 && Number(r.retryAfter) > 0)) {
      problems.push(`a concurrent PDF answered ${r.status}`);
    }
  }
  // One at a time: the concurrent run may cost what one PDF costs, plus the waiting requests.
  if (many.peak - idle > 2 * (one.peak - idle) + 100 * MB) {
    problems.push("the concurrent run grew far beyond one PDF's memory");
  }
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.join("; ")}`);
    process.exitCode = 1;
  } else console.log("passed");
} finally {
  await server.stop();
}
