// npm run bench:compression — what compressing a big CSV download costs the server,
// by encoding: the `compression` middleware (what Next used and what scripts/start-server.mjs uses
// now, lib/http/compress-responses.mjs) on a bare node:http server streaming a CSV shaped like the
// wide benchmark's `table.csv` (partner, email, type, value, count, reward) in 256 KB chunks, as
// lib/exports/csv.ts streams files, flushing the compressor after each as Next does (FLUSH=0:
// not); a node:http client on the same machine reads the bytes as sent. Baseline: the same file
// sent without compression, in the same run.
//   npm run bench:compression [-- --mb 225 --runs 5]   (--help: the usage)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { constants } from "node:zlib";
import { readOptions } from "./check/options";

const options = readOptions({
  command: "npm run bench:compression",
  summary:
    "Measures what compressing a big CSV download costs the server, by encoding, against sending it uncompressed in the same run.",
  flags: {
    mb: "Megabytes of CSV per download, BENCH_MB (225).",
    runs: "Downloads per encoding (median), BENCH_RUNS (5).",
  },
});
const MB = options.whole("mb", "BENCH_MB", 225, 1, 10_000);
const RUNS = options.whole("runs", "BENCH_RUNS", 5, 1, 100);
// The work's modules load after the command line is read (scripts/lib/command-line.mjs).
const { default: compression } = await import("compression");
const { COMPRESSION_OPTIONS } = await import("../lib/http/compress-responses.mjs");
const now = compression(COMPRESSION_OPTIONS) as Middleware;
const { bytesSent } = await import("./bench/bytes-sent");
const { median } = await import("./bench/timing");
const CHUNK = 256 * 1024;

/** CSV rows shaped like the wide table's, varied so the compressor sees realistic text. */
function csvChunk(seed: number): Buffer {
  const rows: string[] = [];
  let size = 0;
  for (let i = seed; size < CHUNK; i++) {
    const p = (i * 7919) % 20_000;
    const row = `Partner Gen${p},gen${p}@partners.example,type_${i % 7},${1 + (i % 20)},${(i * 37) % 999},${((i * 31) % 100_000) / 100}\n`;
    rows.push(row);
    size += row.length;
  }
  return Buffer.from(rows.join(""));
}
const chunks = Array.from({ length: 64 }, (_, i) => csvChunk(i * 10_000));
const total = Math.round((MB * 1024 * 1024) / CHUNK);
let expectedBytes = 0;
for (let i = 0; i < total; i++) expectedBytes += chunks[i % chunks.length].length;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const ENCODINGS: { name: string; accept: string; middleware: Middleware | null }[] = [
  { name: "none (baseline)", accept: "identity", middleware: null },
  { name: "gzip, default level (Next's)", accept: "gzip", middleware: compression() as Middleware },
  // The server's own settings, for a client taking gzip only and for a browser.
  { name: "gzip, fastest level (now)", accept: "gzip", middleware: now },
  { name: "brotli, quality 1 (now)", accept: "gzip, deflate, br", middleware: now },
  {
    name: "brotli, quality 0 (its fastest)",
    accept: "br",
    middleware: compression({
      brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 0 } },
    }) as Middleware,
  },
  {
    name: "brotli, the middleware's default (quality 4)",
    accept: "br",
    middleware: compression() as Middleware,
  },
];

async function serveOnce(middleware: Middleware | null, accept: string) {
  const server = createServer((req, res) => {
    const send = () => {
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      let sent = 0;
      // One "drain" listener for the whole answer (the middleware hands it to its zlib stream).
      const pump = () => {
        while (sent < total) {
          const ok = res.write(chunks[sent++ % chunks.length]);
          if (process.env.FLUSH !== "0") (res as ServerResponse & { flush?: () => void }).flush?.();
          if (!ok) return;
        }
        res.off("drain", pump);
        res.end();
      };
      res.on("drain", pump);
      pump();
    };
    if (middleware) middleware(req, res, send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const start = performance.now();
  const { bytes: wire, encoding } = await bytesSent(new URL(`http://127.0.0.1:${port}/table.csv`), {
    "accept-encoding": accept,
  });
  const ms = performance.now() - start;
  await new Promise((resolve) => server.close(resolve));
  return { ms, wire, encoding };
}

console.error(
  `bench:compression — ${MB} MB of CSV, ${RUNS} runs each (taking turns), ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}`,
);
const times = new Map<string, number[]>(ENCODINGS.map((e) => [e.name, []]));
const wire = new Map<string, number>();
for (let run = 0; run < RUNS; run++) {
  for (const encoding of ENCODINGS) {
    const result = await serveOnce(encoding.middleware, encoding.accept);
    if (encoding.middleware === null && result.wire !== expectedBytes)
      throw new Error(`${encoding.name}: short body`);
    wire.set(encoding.name, result.wire);
    times.get(encoding.name)!.push(result.ms);
    console.error(
      `  run ${run + 1}: ${encoding.name} (${result.encoding}) ${Math.round(result.ms)} ms`,
    );
  }
}
const base = median(times.get(ENCODINGS[0].name)!);
console.log(
  `\n| sent as | median ms for ${MB} MB | MB/s | ÷ none | MB on the wire |\n| --- | ---: | ---: | ---: | ---: |`,
);
for (const encoding of ENCODINGS) {
  const ms = median(times.get(encoding.name)!);
  console.log(
    `| ${encoding.name} | ${Math.round(ms).toLocaleString("en-US")} | ${Math.round(MB / (ms / 1000))} | ${(ms / base).toFixed(2)}× | ${(wire.get(encoding.name)! / 1024 / 1024).toFixed(1)} |`,
  );
}
