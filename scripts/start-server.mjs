// npm start — the production server: Next's request handler behind node:http, so the handlers
// learn the TCP peer's address (Next's own `next start` fills X-Forwarded-For from the socket only
// when a client did not send one, so a client could choose its address for the sign-in limit).
//   node scripts/start-server.mjs [-H host] [-p port]     (defaults: HOST/127.0.0.1, PORT/3000)
// Unless TRUST_PROXY names proxies in front of the app, forwarded headers a client sent are dropped
// and Next fills them from the connection itself.
import { createServer } from "node:http";
import next from "next";

/** lib/security/client-address.ts reads it; client-address.test.ts checks the two agree. */
export const PEER_HEADER = "x-actionboard-peer";
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/** TRUST_PROXY as lib/security/client-address.ts reads it: 0 = none, else 1–10 proxies. */
export function trustedProxies(raw = process.env.TRUST_PROXY ?? "") {
  const text = raw.trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return 0;
  if (!/^(?:[1-9]|10)$/.test(text)) {
    throw new Error(
      `TRUST_PROXY="${text}" must be the number of proxies in front of the app (1–10), or unset`,
    );
  }
  return Number(text);
}

/** What the server does to every request's headers before Next sees them. */
export function stampPeer(headers, remoteAddress, proxies = 0) {
  if (proxies === 0) for (const name of [...FORWARDED, "forwarded"]) delete headers[name];
  headers[PEER_HEADER] = remoteAddress ?? "";
}

function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hostname = option("-H", process.env.HOST || "127.0.0.1");
  const port = Number(option("-p", process.env.PORT || "3000"));
  const proxies = trustedProxies();
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    stampPeer(req.headers, req.socket.remoteAddress, proxies);
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`▲ Actionboard ready on http://${hostname}:${port}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}
