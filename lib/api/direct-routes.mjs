// The ingestion endpoints answered by scripts/start-server.mjs itself, before Next's request
// handling (measured in BENCHMARKS.md: most of a single POST's server time was Next's routing and
// response pipeline, not ours). instrumentation.ts registers the same route handlers Next serves
// (app/api/v2/actions/route.ts and batch/route.ts, compiled in Next's server bundle); the server
// gives them a standard Request and writes their Response. They skip nothing of ours: proxy.ts
// never ran for them, and the server's request id, log line, metrics, peer address and body-size
// screen come first as for any request. Plain JavaScript, kept on globalThis (the bundle and the
// server load this file as two modules).
import { Readable } from "node:stream";

/** @typedef {(request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>} RouteHandler */

function store() {
  return /** @type {typeof globalThis & { __actionboardDirectRoutes?: Map<string, RouteHandler> }} */ (
    globalThis
  );
}

/**
 * Registers handlers by "METHOD /exact/path" (instrumentation.ts, at the server's start).
 * @param {Record<string, RouteHandler>} routes
 */
export function setDirectRoutes(routes) {
  store().__actionboardDirectRoutes = new Map(Object.entries(routes));
}

/**
 * The handler registered for this request's method and exact path (query ignored), if any.
 * @param {string | undefined} method
 * @param {string | undefined} url
 * @returns {RouteHandler | null}
 */
export function directRoute(method, url) {
  const routes = store().__actionboardDirectRoutes;
  if (!routes || !method || !url) return null;
  const query = url.indexOf("?");
  return routes.get(`${method} ${query < 0 ? url : url.slice(0, query)}`) ?? null;
}

/**
 * Answers `req` with `handler`: a Request with the method, URL (on the Host the client named, as
 * Next builds it), headers and streamed body; the Response's status, headers and body written
 * back. A handler that throws (the API's wrapper catches everything it knows) gets a 500 in the
 * API's envelope, and the error is passed to `onError` for the log.
 * @param {RouteHandler} handler
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} origin the server's own origin, for a request without a Host header
 * @param {(error: unknown) => void} onError
 */
export async function serveDirect(handler, req, res, origin, onError) {
  // The request's log line says who answered (lib/observability/observe-request.mjs).
  Reflect.set(res, Symbol.for("actionboard.direct"), true);
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    }
    const base = req.headers.host ? `http://${req.headers.host}` : origin;
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(new URL(req.url ?? "/", base), {
      method: req.method,
      headers,
      body: hasBody ? /** @type {ReadableStream} */ (Readable.toWeb(req)) : null,
      // @ts-expect-error -- Node's fetch needs it for a streamed body; the DOM types lack it.
      duplex: "half",
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    const body = Buffer.from(await response.arrayBuffer());
    res.statusCode = response.status;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader("content-length", body.length);
    res.end(body);
    discardUnread(req);
  } catch (error) {
    onError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "Internal error.", status: 500 }));
    discardUnread(req);
  }
}

/**
 * A body the handler refused before reading it all (a wrong key, an oversized batch) is read and
 * dropped, as Node does for a request nobody read: the client finishes sending it and the
 * connection stays usable. (Node skips that here because the Request's stream began reading.)
 * @param {import("node:http").IncomingMessage} req
 */
function discardUnread(req) {
  if (req.readableEnded) return;
  req.removeAllListeners("data");
  req.resume();
}
