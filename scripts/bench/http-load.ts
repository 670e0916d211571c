// The ingestion benchmark's load client: node:http with keep-alive connections (the cheapest
// client Node has, since it shares the 2 cores with the servers it measures), sending what a
// typical HTTP client sends (`Accept-Encoding: gzip, deflate`, as fetch and most SDKs do).
// Closed loop: a fixed number of requests in flight, each sent as the previous one returns.
// Open loop: requests due at a fixed rate whatever came back, latency from each one's due time.
import { Agent, request } from "node:http";
import { gunzipSync, inflateSync } from "node:zlib";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The load checks' nearest-rank percentile, for the report and the tab probe.
export { percentile } from "../check/api-client";

/** One server (or several, sent to in turn) with the credentials of the program it serves. */
export interface Target {
  bases: URL[];
  authorization: string;
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the envelope, read by callers
  json: any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs JSON; a connection error or a timeout is status 0, never a throw. */
export function postJson(base: URL, authorization: string, path: string, body: unknown) {
  const text = JSON.stringify(body);
  return new Promise<Answer>((resolve) => {
    const req = request(
      new URL(path, base),
      {
        method: "POST",
        agent,
        timeout: 60_000,
        headers: {
          authorization,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          "accept-encoding": "gzip, deflate",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const text =
            encoding === "gzip" ? gunzipSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, json: parse(text.toString("utf8")) });
        });
        res.on("error", () => resolve({ status: 0, json: null }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, json: null }));
    req.end(text);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 300);
  }
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  skipped: number;
  seconds: number;
  /** Sorted latencies of the 200 answers, ms. */
  latencies: number[];
}

const send = (target: Target, i: number, body: unknown) =>
  postJson(target.bases[i % target.bases.length], target.authorization, "/api/v2/actions", body);

/** `total` single POSTs with `inFlight` outstanding at all times; `body(i)` is the i-th action. */
export async function closedLoop(
  target: Target,
  total: number,
  inFlight: number,
  body: (i: number) => unknown,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const sent = performance.now();
      const { status } = await send(target, i, body(i));
      if (status === 200) latencies.push(performance.now() - sent);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: total, ok: latencies.length, errors, skipped: 0, seconds, latencies };
}

/**
 * Single POSTs at `rate` per second for `seconds`: request i is due at start + i / rate; one due
 * while `maxInFlight` are outstanding is skipped (counted), so a stalled server cannot hide its
 * queue in the client.
 */
export async function openLoop(
  target: Target,
  rate: number,
  seconds: number,
  maxInFlight: number,
  body: (i: number) => unknown,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let skipped = 0;
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    pending.push(
      send(target, i, body(i)).then(({ status }) => {
        inFlight--;
        if (status === 200) latencies.push(performance.now() - due);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - start) / 1000;
  return { requests: total, ok: latencies.length, errors, skipped, seconds: elapsed, latencies };
}

/** `runs` batches (after one warm-up), one at a time; sorted milliseconds of each. */
export async function batchRuns(
  target: Target,
  runs: number,
  batch: (run: number) => unknown[],
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const actions = batch(run);
    const started = performance.now();
    const { status, json } = await postJson(
      target.bases[0],
      target.authorization,
      "/api/v2/actions/batch",
      { actions },
    );
    const ms = performance.now() - started;
    if (status !== 200 || json?.data?.accepted !== actions.length) {
      throw new Error(`A batch answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    }
    if (run > 0) times.push(ms);
  }
  return times.sort((a, b) => a - b);
}
