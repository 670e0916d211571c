// A background loop inside the server process: a pass every `pollMs`, at once when woken, one
// pass at a time (a wake during a pass runs another right after it). One per process and name,
// found through globalThis: Next bundles instrumentation, pages and server actions into separate
// module graphs, so a server action's wake reaches the loop instrumentation started.
// Each pass is one job run: a log line (info when it did something, debug when idle; a failure
// once per distinct message) and the job metrics. At shutdown the pass under way is told to stop
// (its signal aborts) and the loop resolves once it has returned: passes stop at a safe point.
import { isShuttingDown, onShutdown } from "./shutdown.mjs";
import { logger, messageOf, outsideRequest } from "../observability/logger.mjs";
import { metrics } from "../observability/metrics.mjs";

export interface PollLoop {
  wake(): void;
  /** Stops the loop; resolves once the pass under way (if any) has ended. */
  stop(): Promise<void>;
}

/** What a pass did, for its log line: counts (any above 0 makes it worth an info line). */
export type PassSummary = object | void;

const loops = globalThis as typeof globalThis & {
  __actionboardLoops?: Map<string, PollLoop>;
};

function registry() {
  loops.__actionboardLoops ??= new Map();
  return loops.__actionboardLoops;
}

const idleLoop: PollLoop = { wake() {}, stop: async () => {} };

/** Whether a pass's summary says it did something (then its log line is at info level). */
function worked(summary: PassSummary) {
  return Object.values(summary ?? {}).some((value) => typeof value === "number" && value > 0);
}

/**
 * Starts the loop `name` (or returns the one already running; none once the process is shutting
 * down). `job` names it in logs and metrics.
 */
export function startPollLoop(
  name: string,
  pollMs: number,
  pass: (signal: AbortSignal) => Promise<PassSummary>,
  job = name.toLowerCase(),
): PollLoop {
  const running = registry().get(name);
  if (running) return running;
  if (isShuttingDown()) return idleLoop;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  let again = false;
  let lastError: string | null = null;
  const runOnce = async () => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const summary = await pass(abort.signal);
      const line = { job, duration_ms: Math.round(seconds() * 1000), ...summary };
      if (worked(summary)) logger().info(line, `${job}: run`);
      else logger().debug(line, `${job}: run, nothing to do`);
      metrics().jobRuns.inc({ job, outcome: "ok" });
      lastError = null;
    } catch (error) {
      const text = messageOf(error);
      const line = { job, duration_ms: Math.round(seconds() * 1000), err: error };
      if (text !== lastError) logger().error(line, `${job}: ${text}`);
      else logger().debug(line, `${job}: failed again: ${text}`);
      metrics().jobRuns.inc({ job, outcome: "failed" });
      lastError = text;
    } finally {
      metrics().jobDuration.observe({ job }, seconds());
    }
  };
  const run = () => {
    if (current) {
      again = true;
      return;
    }
    clearTimeout(timer);
    // A wake comes from a request: its passes (and their timers) must not carry its id.
    current = outsideRequest(async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !abort.signal.aborted);
    }).finally(() => {
      current = null;
      if (!abort.signal.aborted) {
        timer = setTimeout(run, pollMs);
        timer.unref?.();
      }
    });
  };
  const loop: PollLoop = {
    wake: () => {
      if (!abort.signal.aborted) run();
    },
    async stop() {
      abort.abort();
      clearTimeout(timer);
      if (registry().get(name) === loop) registry().delete(name);
      unregister();
      await current;
    },
  };
  registry().set(name, loop);
  const unregister = onShutdown(name, () => loop.stop());
  run();
  return loop;
}

/** Asks the loop `name` of this process for a pass now; a no-op where none runs. */
export function wakePollLoop(name: string) {
  registry().get(name)?.wake();
}
