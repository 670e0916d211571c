// npm start — the production server: Next's request handler behind node:http, so the handlers
// learn the TCP peer's address (Next's own `next start` fills X-Forwarded-For from the socket only
// when a client did not send one, so a client could choose its address for the sign-in limit).
//   node scripts/start-server.mjs [-H host] [-p port] [--production]
//   (defaults: HOST, else 127.0.0.1; PORT, else 3000). It refuses to start on a bad value of any
//   setting (lib/config), naming it; `npm start` passes --production: it refuses to start without
//   the settings a production server needs too.
// Unless TRUST_PROXY names proxies in front of the app, forwarded headers a client sent are dropped
// and Next fills them from the connection itself. Bodies larger than any route takes are refused
// before Next buffers them (it clones up to 10 MB for the proxy), and a PartnerStack webhook's
// secret sent the old way, in the query string, is moved into its header before Next sees the URL,
// so no log line of Next's can print it.
import { createServer } from "node:http";
import next from "next";
import {
  config,
  configProblems,
  productionSettings,
  readSignInSettings,
} from "../lib/config/config.mjs";

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

function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A bad value is refused in every mode; production needs more (productionSettings).
  const production = process.argv.includes("--production");
  const { missing, warnings } = production
    ? productionSettings()
    : { missing: configProblems(), warnings: [] };
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
  if (missing.length > 0) {
    console.error(
      [
        `Not starting: ${production ? "production needs" : "fix"} these settings (see README, Configuration):`,
        ...missing,
      ].join("\n  "),
    );
    process.exit(1);
  }
  const { HOST, PORT } = config();
  const hostname = option("-H", HOST);
  const port = Number(option("-p", String(PORT)));
  const proxies = trustedProxies();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    stampPeer(req.headers, req.socket.remoteAddress, proxies);
    const refusal = screenRequest(req);
    if (refusal) {
      res.writeHead(refusal.status, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(refusal));
      req.resume();
      return;
    }
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`▲ Actionboard ready on http://${hostname}:${port}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}
