// What the server's per-request observation costs (issue 27: ≥ 400 requests/s on 2 cores leaves
// about 5 ms of CPU per request for everything). Times the same stand-in request with and without
// what scripts/start-server.mjs adds around Next's handler — observeRequest (request id, route
// pattern from the build's manifest, in-flight gauge, histogram, one pino line written
// synchronously to /dev/null as to a file) and withinRequest (the AsyncLocalStorage that puts the
// id on every line) — alternating rounds, CPU time per request, medians and the difference.
//   npx tsx scripts/bench/request-wrapper.ts   (after `npm run build`: it reads the route manifest)
import { EventEmitter } from "node:events";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { createLogger, replaceLogger, withinRequest } from "../../lib/observability/logger.mjs";
import { observeRequest } from "../../lib/observability/observe-request.mjs";
import { buildRouteMatcher } from "../../lib/observability/route-patterns.mjs";
import { median } from "./timing";

const REQUESTS = 20_000;
const ROUNDS = 7;
/** Awaits inside each stand-in request: a handler's promises run under the request's context. */
const AWAITS = 50;
const URLS = ["/api/v2/actions", "/p/acme/actions?timeframe=past_30_days", "/api/v2/actions/batch"];

const destination = pino.destination({ dest: "/dev/null", sync: true });
replaceLogger(createLogger({ destination, format: "json", level: "info" }));
const routeOf = buildRouteMatcher();
// Next keeps its own AsyncLocalStorage around every request: the baseline has one too.
const nextStorage = new AsyncLocalStorage<{ n: number }>();

class StandIn extends EventEmitter {
  headers: Record<string, string> = { "content-type": "application/json" };
  statusCode = 200;
  writableFinished = true;
  method = "POST";
  constructor(public url: string) {
    super();
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}

async function handler(res: StandIn) {
  await nextStorage.run({ n: 1 }, async () => {
    for (let i = 0; i < AWAITS; i++) await Promise.resolve(i);
  });
  res.emit("close");
}

async function round(observed: boolean): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const req = new StandIn(URLS[i % URLS.length]);
    const res = new StandIn("");
    if (observed) {
      const id = observeRequest(req as never, res as never, routeOf);
      await withinRequest(id, () => handler(res));
    } else {
      await handler(res);
    }
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / REQUESTS;
}

await round(false);
await round(true);
const bare: number[] = [];
const observed: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  bare.push(await round(false));
  observed.push(await round(true));
}
const [b, o] = [median(bare), median(observed)];
console.log(
  `CPU per request, median of ${ROUNDS} rounds × ${REQUESTS.toLocaleString("en")} (µs):\n` +
    `  stand-in request alone: ${b.toFixed(1)}\n` +
    `  with observation:       ${o.toFixed(1)}\n` +
    `  observation costs:      ${(o - b).toFixed(1)} µs per request ` +
    `(${(((o - b) / 5000) * 100).toFixed(2)}% of the 5 ms a request may take at 400/s on 2 cores)`,
);
