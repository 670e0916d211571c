// What scripts/start-server.mjs does around every request Next answers: gives it a request id
// (a sane one the client or a proxy sent, else a new one) in `X-Request-Id` both ways, counts it in
// flight, and once the response is sent (or the client went away) times it into
// http_request_duration_seconds and writes its one log line: method, route pattern, status,
// duration and request id. Never the URL, headers or body: paths carry one-time tokens and
// requests carry credentials. Plain JavaScript, for start-server.mjs.
import { randomUUID } from "node:crypto";
import { logger } from "./logger.mjs";
import { metrics } from "./metrics.mjs";

/** Set on a response by lib/api/direct-routes.mjs (a registry symbol: no import between them). */
const ANSWERED_DIRECTLY = Symbol.for("actionboard.direct");
const SANE_REQUEST_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Probes and scrapes come every few seconds: their lines are debug unless they fail. */
const QUIET_ROUTES = new Set(["/api/health", "/metrics"]);

/**
 * The request id to use: the one sent when it is sane (one header, 1–128 characters of letters,
 * digits and `._:/+=@-`), else a new UUID.
 * @param {string | string[] | undefined} sent
 */
export function requestIdOf(sent) {
  return typeof sent === "string" && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/**
 * Starts observing `req`: sets its id on the request (for the handlers) and the response, and
 * logs and times it when the response closes. Returns the id.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(url: string) => string} routeOf
 * @param {{ log?: import("pino").Logger }} [options]
 */
export function observeRequest(req, res, routeOf, options = {}) {
  const started = process.hrtime.bigint();
  const id = requestIdOf(req.headers["x-request-id"]);
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  const route = routeOf(req.url ?? "/");
  const method = METHODS.has(req.method ?? "") ? /** @type {string} */ (req.method) : "OTHER";
  const m = metrics();
  m.httpInFlight.inc();
  res.once("close", () => {
    m.httpInFlight.dec();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const aborted = !res.writableFinished;
    const status = res.statusCode;
    m.httpDuration.observe(
      { method, route, status: aborted ? "aborted" : String(status) },
      seconds,
    );
    const line = {
      request_id: id,
      method,
      route,
      status,
      duration_ms: Math.round(seconds * 10_000) / 10,
      ...(aborted && { aborted: true }),
      // Answered by the server itself, before Next (lib/api/direct-routes.mjs).
      ...(Reflect.get(res, ANSWERED_DIRECTLY) === true && { handler: "direct" }),
    };
    const log = options.log ?? logger();
    if (status >= 500) log.error(line, "request");
    else if (QUIET_ROUTES.has(route)) log.debug(line, "request");
    else log.info(line, "request");
  });
  return id;
}
