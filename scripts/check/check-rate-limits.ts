// npm run check:rate-limits — the rate limits over HTTP against the app's server (the build must
// exist; run under the build lock) on a fresh local PostgreSQL database (ab_check_rate_limits):
// 30 wrong passwords then the right one; the ways round the sign-in limit an outside probe found
// (JSON bodies, a field sent twice, 20 simultaneous tries, a new X-Forwarded-For per try); 300
// wrong secrets then the right one, and how many API log rows they left; known vs unknown public
// keys' answer times; the per-key limit; and whether a locked account is still locked after a
// restart. Prints what it measured; exits 1 on a violation.
import { readCommandLine } from "../lib/command-line.mjs";

readCommandLine({
  command: "npm run check:rate-limits",
  summary:
    "The rate limits over HTTP against the app's server on a fresh local database: sign-in, API secrets, per-key limits; exits 1 on a violation (the build must exist).",
});

// The work's modules load after the command line is read: `--help` answers without them.
const { default: pg } = await import("pg");
const { fmt, percentile } = await import("./api-client");
const { freshDatabase, seedCheckProgram } = await import("./fixture");
const { describeMachine } = await import("./machine");
const { startServer } = await import("./server");

const PER_KEY = 600;
const PER_ADDRESS = 150;
process.env.RATE_LIMIT_API_KEY = `${PER_KEY}/1m`;
process.env.RATE_LIMIT_SIGNIN_ADDRESS = `${PER_ADDRESS}/15m`;
const target = await freshDatabase({ engine: "postgres", name: "ab_check_rate_limits" });
if (target.engine !== "postgres") throw new Error("PostgreSQL only");
const program = await seedCheckProgram(target);
const [publicKey] = Buffer.from(program.authorization.slice(6), "base64").toString().split(":");
const basic = (secret: string, key = publicKey) =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
const start = () =>
  startServer({
    port: 3260,
    database: target,
    log: ".data/check/rate-limits.log",
    authorization: program.authorization,
  });
let { server } = await start();
const problems: string[] = [];
const tally = (codes: number[]) =>
  Object.entries(
    codes.reduce<Record<number, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {}),
  )
    .map(([code, n]) => `${n}× ${code}`)
    .join(", ");

async function signIn(
  body: (csrfToken: string) => string,
  type = "application/x-www-form-urlencoded",
  headers: Record<string, string> = {},
) {
  const csrf = await fetch(new URL("/api/auth/csrf", server.base));
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL("/api/auth/callback/credentials", server.base), {
    method: "POST",
    headers: { "content-type": type, cookie: cookie.join("; "), ...headers },
    body: body(csrfToken),
    redirect: "manual",
  });
  return response.status;
}
const form = (fields: Record<string, string>) => (csrfToken: string) =>
  new URLSearchParams({ csrfToken, ...fields, json: "true" }).toString();
const signInStatus = (password: string, email = program.viewer.email) =>
  signIn(form({ email, password }));
const api = async (authorization: string) => {
  const t = performance.now();
  const response = await fetch(new URL("/api/v2/actions?limit=1", server.base), {
    headers: { authorization },
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    ms: performance.now() - t,
    retry: response.headers.get("retry-after"),
  };
};
const rows: [string, string][] = [];

// 1. Sign-in: the account locks after 10 failures; the right password is refused too.
const wrongPasswords: number[] = [];
for (let i = 0; i < 30; i++) wrongPasswords.push(await signInStatus(`wrong-${i}`));
const rightPassword = await signInStatus(program.viewer.password);
rows.push([
  "30 wrong passwords, then the right one",
  `${tally(wrongPasswords)}; right one: ${rightPassword}`,
]);
if (wrongPasswords.filter((s) => s === 401).length !== 10 || rightPassword !== 429) {
  problems.push("sign-in was not locked after 10 failures");
}

// 1b. The ways round it: each must meet the same limit.
const other = `nobody-${Date.now()}@check.test`;
const jsonTries: number[] = [];
for (let i = 0; i < 11; i++) {
  jsonTries.push(
    await signIn(
      (csrfToken) =>
        JSON.stringify({ csrfToken, email: other, password: `wrong-${i}`, json: "true" }),
      "application/json",
    ),
  );
}
rows.push(["11 wrong passwords as JSON bodies", tally(jsonTries)]);
if (jsonTries.filter((s) => s === 401).length !== 10 || jsonTries[10] !== 429) {
  problems.push("JSON sign-ins escaped the account limit");
}
const twice = await signIn(
  (csrfToken) =>
    `csrfToken=${encodeURIComponent(csrfToken)}&email=decoy%40check.test&email=${encodeURIComponent(program.viewer.email)}&password=x&json=true`,
);
rows.push(["a form with two email fields", String(twice)]);
if (twice !== 400) problems.push("a form with two email fields was not refused");
const racer = `racer-${Date.now()}@check.test`;
const together = await Promise.all(
  Array.from({ length: 20 }, (_, i) => signInStatus(`wrong-${i}`, racer)),
);
rows.push(["20 simultaneous wrong passwords (limit 10)", tally(together)]);
if (together.filter((s) => s === 401).length !== 10) {
  problems.push("simultaneous tries passed the account limit");
}

// 2. Wrong secrets: 429 past 20, the right secret still works, the log gets one row.
const wrongSecrets: number[] = [];
for (let i = 0; i < 300; i++) wrongSecrets.push((await api(basic(`sk_test_wrong_${i}`))).status);
const right = await api(program.authorization);
const client = new pg.Client({ connectionString: target.url });
await client.connect();
const [{ logged }] = (
  await client.query<{ logged: number }>(
    "SELECT count(*)::int AS logged FROM ingest_logs WHERE program_id = $1 AND status = 401",
    [program.programId],
  )
).rows;
rows.push([
  "300 wrong secrets for a known public key",
  `${tally(wrongSecrets)}; right secret: ${right.status}; API log rows: ${logged}`,
]);
if (wrongSecrets.filter((s) => s === 401).length !== 20 || right.status !== 200 || logged !== 1) {
  problems.push("wrong secrets were not limited as documented");
}

// 3. Known vs unknown public key: both are counted, so both cost the same.
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < 100; i++) {
  known.push((await api(basic("sk_test_nope", publicKey))).ms);
  unknown.push((await api(basic("sk_test_nope", "pk_test_ffffffffffffffffffffffff"))).ms);
}
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
rows.push([
  "wrong secret, median answer time",
  `known public key ${fmt(median(known), 1)} ms, unknown ${fmt(median(unknown), 1)} ms`,
]);

// 4. Per key: PER_KEY requests a minute, then 429 with Retry-After, logged once. The window
// already holds two: the start-up probe and step 2's right secret.
const answers = await Promise.all(
  Array.from({ length: PER_KEY + 100 - 2 }, () => api(program.authorization)),
);
const refused = answers.filter((a) => a.status === 429);
const [{ limited }] = (
  await client.query<{ limited: number }>(
    "SELECT count(*)::int AS limited FROM ingest_logs WHERE program_id = $1 AND status = 429",
    [program.programId],
  )
).rows;
rows.push([
  `${PER_KEY + 100} requests with one key (limit ${PER_KEY}/min)`,
  `${tally(answers.map((a) => a.status))} (+2 earlier 200s); Retry-After ${refused[0]?.retry ?? "none"} s; API log rows: ${limited}`,
]);
if (refused.length !== 100 || limited !== 1 || !refused.every((a) => Number(a.retry) > 0)) {
  problems.push("the per-key limit did not hold as documented");
}

// 5. Restart: the account is still locked (the counts live in the database).
await server.stop();
({ server } = await start());
const afterRestart = await signInStatus(program.viewer.password);
rows.push(["right password after a restart", String(afterRestart)]);
if (afterRestart !== 429) problems.push("the sign-in lock did not survive a restart");

// 6. A new X-Forwarded-For per try does not make a new address: the connection's address is
// counted (no TRUST_PROXY here), so the per-address limit ends the walk.
const walk: number[] = [];
for (let i = 0; i < PER_ADDRESS + 10 && !walk.includes(429); i++) {
  walk.push(
    await signIn(form({ email: `walker-${i}@check.test`, password: "x" }), undefined, {
      "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.${i % 250}`,
    }),
  );
}
rows.push([
  `wrong passwords, new accounts, new X-Forwarded-For each (address limit ${PER_ADDRESS})`,
  tally(walk),
]);
if (!walk.includes(429)) problems.push("forwarded headers escaped the per-address limit");
await server.stop();
await client.end();

console.log(`check:rate-limits on ${describeMachine()}`);
for (const [what, result] of rows) console.log(`${what.padEnd(48)} ${result}`);
if (problems.length > 0) {
  console.error(`FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log("passed");
