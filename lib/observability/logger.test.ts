// The server's log: JSON lines (or pretty ones), a request's id on every line written while it is
// answered, and nothing secret: fields named like secrets, secret settings' values, API secret
// keys, credentials and URL passwords are redacted wherever they appear, including in the line a
// request leaves and in whatever a handler logs about the request it got.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { environmentRestorer } from "../config/config.mjs";
import { closedResponses } from "../testing/closed-responses";
import { testDatabaseUrl } from "../testing/engines";
import { createLogger, logger, replaceLogger, withinRequest } from "./logger.mjs";
import { observeRequest, requestIdOf } from "./observe-request.mjs";
import { routeMatcher } from "./route-patterns.mjs";

/** A logger whose lines land in `lines` (as text). */
function capture(format?: "json" | "pretty") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ destination, format, level: "debug" }), lines };
}

const SECRETS = {
  NEXTAUTH_SECRET: "nextauth-secret-value-0001",
  ACTIONBOARD_ENCRYPTION_KEY: "encryption-key-value-0002",
  METRICS_TOKEN: "metrics-token-value-00003",
  DATABASE_URL: "postgresql://app:db-pass-0004@db.internal:5432/actionboard",
  SMTP_URL: "smtps://mailer:smtp-pass-0005@smtp.example.test:465",
};
const API_SECRET = "sk_live_AbCdEfGhIjKlMnOp1234_s3cr3t-random-part-xyz-0006";

describe("the log", () => {
  const restoreEnv = environmentRestorer();
  afterEach(restoreEnv);

  it("writes one JSON object per line, with level, time and message", () => {
    const { log, lines } = capture();
    log.info({ job: "deliveries", sent: 2 }, "run");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 30, job: "deliveries", sent: 2, msg: "run" });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("writes readable lines with LOG_FORMAT=pretty", () => {
    process.env.LOG_FORMAT = "pretty";
    const { log, lines } = capture();
    log.warn({ job: "partnerstack" }, "source unreachable");
    expect(lines[0]).toMatch(/WARN.*source unreachable/);
    expect(() => JSON.parse(lines[0])).toThrow();
  });

  it("removes secret fields, secret settings' values, API secret keys and credentials", () => {
    Object.assign(process.env, SECRETS);
    const { log, lines } = capture();
    log.info({ password: "hunter2-password", user: { password: "nested-password" } }, "fields");
    log.info({ headers: { authorization: "Basic eHl6OmFiYw==", cookie: "session=cookie-0007" } });
    log.info({ req: { headers: { "x-webhook-secret": "webhook-secret-0008" } } }, "header");
    log.error({ err: new Error(`could not connect to ${SECRETS.DATABASE_URL}`) }, "db");
    log.warn(`mail via ${SECRETS.SMTP_URL} failed; key ${SECRETS.ACTIONBOARD_ENCRYPTION_KEY}`);
    log.info(`a client sent ${API_SECRET} in a body, and "Bearer ${SECRETS.METRICS_TOKEN}"`);
    log.warn("ClickHouse at http://reader:ch-pass-0015@clickhouse.test:8123 did not answer");
    log.info({ note: `session ${SECRETS.NEXTAUTH_SECRET}` }, "value anywhere");
    log.info({ body: "email=a%40b.test&password=form-pass-0016&csrfToken=x" }, "a form");
    const text = lines.join("\n");
    for (const secret of [
      ...Object.values(SECRETS),
      "db-pass-0004",
      "smtp-pass-0005",
      API_SECRET,
      "s3cr3t-random-part",
      "hunter2-password",
      "nested-password",
      "eHl6OmFiYw==",
      "cookie-0007",
      "webhook-secret-0008",
      "ch-pass-0015",
      "form-pass-0016",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(lines).toHaveLength(9);
    expect(text).toContain("[redacted]");
    // What is not secret stays readable.
    expect(text).toContain("http://reader:[redacted]@clickhouse.test:8123");
    expect(text).toContain("sk_live_[redacted]");
  });

  it("puts the request's id on every line written while it is answered, and only then", async () => {
    const { log, lines } = capture();
    const undo = replaceLogger(log);
    try {
      await withinRequest("req-42", async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger().info("inside");
      });
      logger().info("outside");
    } finally {
      undo();
    }
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: "inside", request_id: "req-42" }),
      expect.not.objectContaining({ request_id: expect.anything() }),
    ]);
  });

  it("takes a sane incoming request id, and makes one otherwise", () => {
    expect(requestIdOf("lb-7f3a:01/abc")).toBe("lb-7f3a:01/abc");
    for (const insane of [undefined, "", "a b", "x".repeat(129), "<script>", ["a", "b"]]) {
      expect(requestIdOf(insane)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("a request's log line", () => {
  let server: Server;
  let base: string;
  let seen: IncomingMessage["headers"] = {};
  const captured = capture();
  const closed = closedResponses();
  const restoreEnv = environmentRestorer();
  const routeOf = routeMatcher({
    staticRoutes: [{ page: "/api/v2/actions" }, { page: "/api/health" }],
    dynamicRoutes: [
      { page: "/reset-password/[token]", regex: "^/reset-password/([^/]+?)(?:/)?$" },
      {
        page: "/api/partnerstack/webhooks/[slug]",
        regex: "^/api/partnerstack/webhooks/([^/]+?)(?:/)?$",
      },
    ],
  });
  beforeAll(async () => {
    Object.assign(process.env, SECRETS);
    server = createServer((req, res) => {
      const id = observeRequest(req, res, routeOf, { log: captured.log });
      closed.track(res);
      seen = req.headers;
      void withinRequest(id, async () => {
        // A careless handler logging everything it got: still nothing secret in the output.
        let body = "";
        for await (const chunk of req) body += chunk;
        captured.log.info({ headers: req.headers, body }, "handler saw");
        res.statusCode = req.url === "/api/health" ? 200 : 401;
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    restoreEnv();
    await new Promise((resolve) => server.close(resolve));
  });

  it("says method, route pattern, status, duration and id, and nothing a request carried", async () => {
    const basic = `Basic ${Buffer.from(`pk_live_AbCdEfGhIjKlMnOp1234:${API_SECRET}`).toString("base64")}`;
    const first = await fetch(`${base}/api/v2/actions?secret=query-secret-0009`, {
      method: "POST",
      headers: {
        authorization: basic,
        cookie: "next-auth.session-token=session-cookie-0010",
        "x-request-id": "client-id-1",
        "content-type": "application/json",
      },
      body: JSON.stringify({ password: "form-password-0011", key: API_SECRET }),
    });
    expect(first.headers.get("x-request-id")).toBe("client-id-1");
    expect(seen["x-request-id"]).toBe("client-id-1");
    await fetch(`${base}/reset-password/one-time-token-0012`, {
      headers: { authorization: `Bearer ${API_SECRET}` },
    });
    await fetch(`${base}/api/partnerstack/webhooks/acme?secret=webhook-0013`, {
      method: "POST",
      headers: { "x-webhook-secret": "webhook-header-0014" },
      body: "{}",
    });
    const made = await fetch(`${base}/api/health`, { headers: { "x-request-id": "bad id!" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // Each request's line is written when its response has closed, which the client may see first.
    await closed.until(4);

    const lines = captured.lines.map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.map((l) => [l.method, l.route, l.status, l.level])).toEqual([
      ["POST", "/api/v2/actions", 401, 30],
      ["GET", "/reset-password/[token]", 401, 30],
      ["POST", "/api/partnerstack/webhooks/[slug]", 401, 30],
      // Health checks come every few seconds: debug, unless they fail.
      ["GET", "/api/health", 200, 20],
    ]);
    expect(requests[0].request_id).toBe("client-id-1");
    expect(requests[3].request_id).toBe(made.headers.get("x-request-id"));
    for (const line of requests) expect(line.duration_ms).toBeGreaterThanOrEqual(0);
    // The handler's own lines name the request they belong to.
    const handled = lines.filter((l) => l.msg === "handler saw");
    expect(handled.map((l) => l.request_id)).toEqual(requests.map((l) => l.request_id));

    const text = captured.lines.join("\n");
    for (const secret of [
      API_SECRET,
      "s3cr3t-random-part",
      basic.slice("Basic ".length),
      "session-cookie-0010",
      "form-password-0011",
      "webhook-header-0014",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    // The request lines carry no URL at all (paths and query strings carry tokens).
    expect(requests.map((l) => JSON.stringify(l)).join("\n")).not.toMatch(
      /query-secret|one-time-token|webhook-0013|acme/,
    );
  });
});

describe.runIf(inject("engines").includes("postgres"))("a database error's line", () => {
  it("names the failure, not the driver's connection (with its cancel key)", async () => {
    // A connection of the pool ended by the server (a restart, a failover): the error the
    // server's pool reports (lib/db/open.ts logs it) carries the pg client that lost it.
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
    const lost = new Promise<Error>((resolve) => pool.once("error", resolve));
    const client = await pool.connect();
    const [{ pid }] = (await client.query("SELECT pg_backend_pid() AS pid")).rows;
    client.release();
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      const error = await lost;
      expect(error).toHaveProperty("client");
      const { log, lines } = capture();
      log.warn({ err: error }, `PostgreSQL connection lost: ${error.message}`);
      const line = JSON.parse(lines[0]);
      expect(line.err).toMatchObject({ message: error.message, code: "57P01" });
      expect(line.err.stack).toContain(error.message);
      expect(lines[0]).not.toMatch(/secretKey|processID|connectionParameters/);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
