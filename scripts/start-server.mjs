// npm start — the production server: Next's request handler behind node:http, so the handlers
// learn the TCP peer's address (Next's own `next start` fills X-Forwarded-For from the socket only
// when a client did not send one, so a client could choose its address for the sign-in limit).
//   node scripts/start-server.mjs [-H host] [-p port] [--production]   (--help: the usage)
//   (defaults: HOST, else 127.0.0.1; PORT, else 3000). It refuses to start on a bad value of any
//   setting (lib/config), naming it, and on an unknown option (scripts/lib/command-line.mjs);
//   `npm start` passes --production: it refuses to start without the settings a production server
//   needs too.
// Unless TRUST_PROXY names proxies in front of the app, forwarded headers a client sent are dropped
// and Next fills them from the connection itself. Bodies larger than any route takes are refused
// before Next buffers them (it clones up to 10 MB for the proxy), and a PartnerStack webhook's
// secret sent the old way, in the query string, is moved into its header before Next sees the URL,
// so no log line of Next's can print it.
// Every request gets a request id (`X-Request-Id`), one log line and its metrics, labelled by
// route pattern (lib/observability/observe-request.mjs); METRICS_PORT serves /metrics on
// 127.0.0.1. SIGTERM or SIGINT stops it gracefully (stopOnSignals below). Next's answers are
// compressed here (brotli quality 1, gzip level 1), not by Next (lib/http/compress-responses.mjs).
import { createServer } from "node:http";
import { directRoute, serveDirect } from "../lib/api/direct-routes.mjs";
import { beginShutdown, closeResources, stopBackgroundWork } from "../lib/background/shutdown.mjs";
import { compressResponse } from "../lib/http/compress-responses.mjs";
import {
  config,
  configProblems,
  productionSettings,
  readSignInSettings,
  VARIABLES,
} from "../lib/config/config.mjs";
import { logger, messageOf, withinRequest } from "../lib/observability/logger.mjs";
import { metricsText } from "../lib/observability/metrics.mjs";
import { observeRequest } from "../lib/observability/observe-request.mjs";
import { buildRouteMatcher } from "../lib/observability/route-patterns.mjs";
import { failUsage, readCommandLine } from "./lib/command-line.mjs";

export { productionSettings };

/** lib/security/client-address.ts reads it; client-address.test.ts checks the two agree. */
export const PEER_HEADER = "x-actionboard-peer";
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/** TRUST_PROXY (this process's, or `raw`) as lib/config reads it: 0 = none, else 1–10 proxies. */
export function trustedProxies(raw) {
  return (raw === undefined ? config() : config({ TRUST_PROXY: raw })).TRUST_PROXY ?? 0;
}

/** What the server does to every request's headers before Next sees them. */
export function stampPeer(headers, remoteAddress, proxies = 0) {
  if (proxies === 0) for (const name of [...FORWARDED, "forwarded"]) delete headers[name];
  headers[PEER_HEADER] = remoteAddress ?? "";
}

/** The largest body any route reads is the API's 1 MB; anything declared larger is refused here. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const WEBHOOKS = /^\/api\/partnerstack\/webhooks\/[^/?]*(?:\?|$)/;

/**
 * Refuses what no route accepts, before Next reads the body: a status and message, or null.
 * Moves a webhook's `?secret=` (deprecated) into `X-Webhook-Secret`, rewriting `req.url` in place.
 */
export function screenRequest(req) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    return {
      status: 413,
      message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
    };
  }
  if (WEBHOOKS.test(req.url ?? "")) {
    const url = new URL(req.url, "http://server.invalid");
    const secret = url.searchParams.get("secret");
    if (secret !== null) {
      url.searchParams.delete("secret");
      req.headers["x-webhook-secret"] ??= secret;
      req.url = `${url.pathname}${url.search}`;
    }
  }
  return null;
}

/** What a half-made single sign-on or a bad PASSWORD_SIGNIN keeps from starting, in any mode. */
export function signInProblems(env) {
  const read = readSignInSettings(env);
  return read.ok ? [] : read.problems;
}

/** The command line (`npm start -- --help` prints it): read before anything else loads. */
export const START_COMMAND = {
  command: "npm start",
  summary:
    "Runs the built app (npm run build first). It refuses to start on a bad setting, naming it (README, Configuration).",
  options: {
    hostname: {
      type: "string",
      short: "H",
      value: "host",
      description: "The address to listen on (default: HOST, else 127.0.0.1).",
    },
    port: {
      type: "string",
      short: "p",
      value: "port",
      description: "The port to listen on (default: PORT, else 3000).",
    },
    production: {
      type: "boolean",
      description: "Refuse to start without the settings production needs (npm start passes it).",
    },
  },
};

/**
 * The command line's -H/-p, each read by its variable's schema (HOST, PORT); a bad one stops the
 * start with one line and the usage. Unset ones are left to HOST and PORT.
 * @param {{ hostname?: string, port?: string }} values
 * @returns {{ hostname?: string, port?: number }}
 */
export function listenOptions(values) {
  const read = (/** @type {"HOST" | "PORT"} */ name, /** @type {string} */ option) => {
    const given = values[option]?.trim();
    if (given === undefined) return undefined;
    const parsed = given
      ? VARIABLES[name].schema.safeParse(given)
      : { success: false, error: { issues: [{ message: "must not be blank" }] } };
    if (!parsed.success) failUsage(START_COMMAND, `--${option} ${parsed.error.issues[0].message}`);
    return parsed.data;
  };
  return { hostname: read("HOST", "hostname"), port: read("PORT", "port") };
}

/** Serves this process's metrics on 127.0.0.1:`port` (no token: only this machine reaches it). */
function serveMetrics(port) {
  const server = createServer((req, res) => {
    if (
      req.method !== "GET" ||
      new URL(req.url ?? "/", "http://localhost").pathname !== "/metrics"
    ) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Only GET /metrics here.\n");
      return;
    }
    metricsText().then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
      (error) => {
        logger().error({ err: error }, "Metrics could not be collected");
        res.writeHead(500, { "content-type": "text/plain" }).end("Metrics failed.\n");
      },
    );
  });
  listenOrStop(server, port, "127.0.0.1", "METRICS_PORT", () => {
    logger().info({ port }, `Metrics on http://127.0.0.1:${port}/metrics`);
  });
  return server;
}

/**
 * Listens, or stops the start with one line naming the setting when the address cannot be had (a
 * port another process holds, one below 1024 without the right): no stack trace, exit code 1.
 */
function listenOrStop(server, port, host, setting, onListening) {
  server.once("error", (error) => {
    const why =
      error.code === "EADDRINUSE"
        ? "is in use by another process"
        : error.code === "EACCES"
          ? "may not be opened by this user"
          : `cannot be opened (${error.code ?? error.message})`;
    console.error(
      `Not starting: ${host}:${port} (${setting}) ${why}. Stop what holds it or choose another ${setting}.`,
    );
    process.exit(1);
  });
  server.listen(port, host, onListening);
}

/** A signal this long after the first forces the exit (pressed again); earlier ones are echoes. */
const FORCE_AFTER_MS = 2_000;

/**
 * Stops on SIGTERM or SIGINT: takes no new connection; answers every request already received
 * (those arriving on open connections too, with `Connection: close`); stops the background work
 * at its safe point (lib/background/shutdown.mjs); closes the analytics copy and the database;
 * exits 0. After SHUTDOWN_TIMEOUT_SECONDS, or at a repeated signal, it exits 1 at once.
 */
function stopOnSignals(server, metricsServer, state) {
  const log = logger();
  let firstAt = 0;
  const exit = (code) => {
    log.flush();
    process.exit(code);
  };
  const shutDown = async (signal) => {
    if (firstAt) {
      if (Date.now() - firstAt < FORCE_AFTER_MS) return;
      log.warn({ signal }, "Signal repeated: exiting without waiting");
      exit(1);
    }
    firstAt = Date.now();
    state.closing = true;
    beginShutdown();
    log.info(
      { signal, in_flight: state.inFlight.size },
      "Stopping: no new connections; finishing the requests under way and the background work",
    );
    const deadline = setTimeout(() => {
      log.error(
        { in_flight: state.inFlight.size },
        "Not stopped within SHUTDOWN_TIMEOUT_SECONDS: exiting",
      );
      exit(1);
    }, config().SHUTDOWN_TIMEOUT_SECONDS * 1000);
    deadline.unref();
    // Responses not yet begun close their connection; idle keep-alive connections close now and
    // as they become idle, so server.close() resolves once the last response is sent.
    for (const res of state.inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    const report = (name, error) =>
      log.error({ err: error }, `Stopping ${name} failed: ${messageOf(error)}`);
    const [, stopped] = await Promise.all([closed, stopBackgroundWork(report)]);
    clearInterval(sweep);
    const closedResources = await closeResources(report);
    log.info({ work: stopped, resources: closedResources }, "Stopped");
    exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutDown(signal));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = readCommandLine(START_COMMAND);
  const listen = listenOptions(values);
  // A bad value is refused in every mode; production needs more (productionSettings).
  const production = values.production === true;
  const { missing, warnings } = production
    ? productionSettings()
    : { missing: configProblems(), warnings: [] };
  if (missing.length > 0) {
    console.error(
      [
        `Not starting: ${production ? "production needs" : "fix"} these settings (see README, Configuration):`,
        ...missing,
      ].join("\n  "),
    );
    process.exit(1);
  }
  const log = logger();
  for (const warning of warnings) log.warn(warning);
  const { HOST, PORT, METRICS_PORT } = config();
  const hostname = listen.hostname ?? HOST;
  const port = listen.port ?? PORT;
  const proxies = trustedProxies();
  // Next loads after the command line is read: `--help` and a mistake answer without it.
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const routeOf = buildRouteMatcher();
  const state = { closing: false, inFlight: new Set() };
  const server = createServer((req, res) => {
    const requestId = observeRequest(req, res, routeOf);
    state.inFlight.add(res);
    res.once("close", () => state.inFlight.delete(res));
    // Received on a connection opened before the server began to stop: answered, then closed.
    if (state.closing) res.setHeader("connection", "close");
    stampPeer(req.headers, req.socket.remoteAddress, proxies);
    const refusal = screenRequest(req);
    if (refusal) {
      res.writeHead(refusal.status, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(refusal));
      req.resume();
      return;
    }
    // The ingestion endpoints: their own handlers, without Next's routing (direct-routes.mjs).
    const direct = directRoute(req.method, req.url);
    if (direct) {
      withinRequest(requestId, () =>
        serveDirect(direct, req, res, `http://${hostname}:${port}`, (error) =>
          log.error({ err: error }, `Unexpected error answering ${req.method} ${req.url}`),
        ),
      );
      return;
    }
    // Next's answers, compressed here at fast settings (lib/http/compress-responses.mjs).
    compressResponse(req, res);
    withinRequest(requestId, () => handle(req, res));
  });
  const metricsServer = METRICS_PORT ? serveMetrics(METRICS_PORT) : null;
  listenOrStop(server, port, hostname, "PORT", () => {
    log.info({ host: hostname, port }, `▲ Actionboard ready on http://${hostname}:${port}`);
  });
  stopOnSignals(server, metricsServer, state);
}
