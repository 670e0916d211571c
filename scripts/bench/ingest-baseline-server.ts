// The baseline of `npm run bench:ingest`: what this machine can do for the Actions API's work
// without the app around it. A bare node:http server with one `pg` pool (10 connections, as the
// app's) answering POST /api/v2/actions and POST /api/v2/actions/batch for the bench's traffic:
// it authenticates the API key (public key + SHA-256 of the secret, not revoked), resolves the
// targets and the action type, evaluates the reward rules, inserts the actions (unique key per
// program: ON CONFLICT DO NOTHING, then a stored key with the same request hash is a replay and
// another body a 409) and their rewards and writes one ingest log row — all in ONE statement per
// request, then answers the stored actions in the API's envelope. The analytics outbox triggers
// fire on its inserts as on the app's. No framework, no ORM, no validation library, no rate limit,
// no compression: a floor for the app's cost, not a second implementation of the API (a record
// that is neither stored nor a replay is refused with one status, 404).
//   node --import tsx scripts/bench/ingest-baseline-server.ts <port> <database url>
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c TimeZone=UTC" });

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

interface Sent {
  key: string;
  target_type: "customer" | "partnership";
  target_key: string;
  type: string;
  value: number;
  occurred_at: string | null;
  hash: string;
}

function credentials(header: string | undefined) {
  const [scheme, value = ""] = (header ?? "").split(" ");
  if (scheme !== "Basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0
    ? null
    : { publicKey: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** The bench's records are well-formed: the baseline checks only what the statement relies on. */
function sent(record: Record<string, unknown>): Sent | null {
  const { key, target_type, target_key, type, value = 1, occurred_at } = record;
  if (typeof key !== "string" || typeof target_key !== "string" || typeof type !== "string") {
    return null;
  }
  if (target_type !== "customer" && target_type !== "partnership") return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) return null;
  const at = occurred_at === undefined ? null : new Date(occurred_at as string).toISOString();
  const hash = sha256(JSON.stringify([target_type, target_key, type, value, at]));
  return { key, target_type, target_key, type, value, occurred_at: at, hash };
}

// Key → program; each record → its target and type by index (LATERAL, so the planner cannot
// pick a join order that scans), its rules judged in SQL; then the actions, their rewards (from
// the stored lineage, no join back) and the log row; the answer reads the names by primary key.
// Rows go in key order (no deadlocks).
const INGEST = `
WITH api_key AS (
  SELECT k.program_id, p.currency FROM api_keys k JOIN programs p ON p.id = k.program_id
  WHERE k.public_key = $1 AND k.secret_hash = $2 AND k.revoked_at IS NULL
),
input AS (
  SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                       $8::timestamptz[], $9::text[])
    WITH ORDINALITY AS u(key, target_type, target_key, type, value, occurred_at, hash, ord)
),
judged AS (
  SELECT i.*, k.program_id, k.currency, t.id AS type_id, tgt.partnership_id, tgt.customer_id,
         rules.list, coalesce(rules.total, 0)::int AS total
  FROM input i CROSS JOIN api_key k
  CROSS JOIN LATERAL (
    SELECT c.partnership_id, c.id AS customer_id FROM customers c
    JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id
    WHERE i.target_type = 'customer' AND c.program_id = k.program_id
      AND c.customer_key = i.target_key AND c.archived_at IS NULL AND p.archived_at IS NULL
    UNION ALL
    SELECT p.id, NULL FROM partnerships p
    WHERE i.target_type = 'partnership' AND p.program_id = k.program_id
      AND p.partner_key = i.target_key AND p.archived_at IS NULL
  ) tgt
  CROSS JOIN LATERAL (
    SELECT t.id FROM action_types t WHERE t.program_id = k.program_id AND t.name = i.type
  ) t
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('ruleId', x.id, 'outcome', x.outcome)
             || CASE WHEN x.outcome = 'rewarded' THEN jsonb_build_object('amountCents', x.amount)
                     ELSE '{}'::jsonb END ORDER BY x.id) AS list,
           sum(x.amount) FILTER (WHERE x.outcome = 'rewarded') AS total
    FROM (SELECT ru.id,
                 CASE WHEN NOT ru.active THEN 'rule_inactive'
                      WHEN ru.min_value IS NOT NULL AND i.value < ru.min_value THEN 'value_below_minimum'
                      WHEN ru.group_id IS NOT NULL AND ru.group_id <> (
                        SELECT group_id FROM partnerships
                        WHERE program_id = k.program_id AND id = tgt.partnership_id
                      ) THEN 'outside_group'
                      ELSE 'rewarded' END AS outcome,
                 CASE WHEN ru.multiply_by_value THEN ru.amount_cents * i.value
                      ELSE ru.amount_cents END AS amount
          FROM reward_rules ru
          WHERE ru.program_id = k.program_id AND ru.action_type_id = t.id) x
  ) rules
),
inserted AS (
  INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                       customer_id, occurred_at, request_hash, reward_outcome, reward_cents)
  SELECT program_id, key, type_id, value, target_type::"TargetType", partnership_id, customer_id,
         coalesce(occurred_at, now()), hash,
         CASE WHEN list IS NULL
              THEN jsonb_build_object('kind', 'no_reward', 'reason', 'no_rule_for_type', 'rules', '[]'::jsonb)
              WHEN total > 0 THEN jsonb_build_object('kind', 'rewarded', 'rules', list)
              ELSE jsonb_build_object('kind', 'no_reward', 'reason', 'no_rule_matched', 'rules', list)
         END,
         total
  FROM judged ORDER BY key
  ON CONFLICT (program_id, key) DO NOTHING
  RETURNING *
),
rewarded AS (
  INSERT INTO rewards (program_id, partnership_id, action_id, rule_id, amount_cents, currency)
  SELECT i.program_id, i.partnership_id, i.id, (rule->>'ruleId')::int,
         (rule->>'amountCents')::int, (SELECT currency FROM api_key)
  FROM inserted i CROSS JOIN LATERAL jsonb_array_elements(i.reward_outcome->'rules') rule
  WHERE rule->>'outcome' = 'rewarded'
),
logged AS (
  INSERT INTO ingest_logs (program_id, method, path, status, outcome, message, action_key)
  SELECT k.program_id, 'POST', $10, 200, 'accepted',
         CASE WHEN $11 THEN 'Recorded ' || (SELECT type FROM input)
              ELSE format('Batch: %s recorded', (SELECT count(*) FROM inserted)) END,
         CASE WHEN $11 THEN (SELECT key FROM input) END
  FROM api_key k
)
SELECT i.key, t.name AS type, i.value, i.target_type, p.partner_key, c.customer_key, c.email,
       c.name, i.reward_outcome, i.occurred_at, i.created_at, i.updated_at,
       (SELECT count(*) FROM api_key)::int AS authenticated
FROM inserted i
JOIN action_types t ON t.program_id = i.program_id AND t.id = i.action_type_id
JOIN partnerships p ON p.program_id = i.program_id AND p.id = i.partnership_id
LEFT JOIN customers c ON c.program_id = i.program_id AND c.id = i.customer_id
UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       (SELECT count(*) FROM api_key)::int`;

// Rule names for the answer's lineage, read once (the bench never changes them).
const RULE_NAMES = `
SELECT r.id, r.name FROM reward_rules r
JOIN api_keys k ON k.program_id = r.program_id WHERE k.public_key = $1`;
const ruleNames = new Map<string, Map<number, string>>();

// Keys the statement did not insert: stored before (replay or conflict) or not resolvable.
const STORED = `
SELECT a.key, a.request_hash FROM actions a
WHERE a.program_id = (SELECT program_id FROM api_keys WHERE public_key = $1) AND a.key = ANY($2)`;

type Row = Record<string, unknown>;

function output(row: Row, names: Map<number, string>) {
  const outcome = row.reward_outcome as { kind: string; reason?: string; rules: Row[] };
  return {
    key: row.key,
    type: row.type,
    value: row.value,
    target_type: row.target_type,
    archived: false,
    partnership_key: row.partner_key,
    customer: row.customer_key ? { key: row.customer_key, email: row.email, name: row.name } : null,
    occurred_at: (row.occurred_at as Date).getTime(),
    created_at: (row.created_at as Date).getTime(),
    updated_at: (row.updated_at as Date).getTime(),
    reward_outcome: {
      kind: outcome.kind,
      reason: outcome.reason ?? null,
      rules: outcome.rules.map((r) => ({
        rule_id: r.ruleId,
        rule_name: names.get(r.ruleId as number) ?? null,
        outcome: r.outcome,
        amount: r.amountCents ?? null,
      })),
    },
  };
}

async function ingest(authorization: string | undefined, records: Sent[], path: string) {
  const auth = credentials(authorization);
  if (!auth) return { status: 401, body: { message: "Invalid API key.", status: 401 } };
  const column = <K extends keyof Sent>(name: K) => records.map((r) => r[name]);
  const { rows } = await pool.query({
    name: "ingest",
    text: INGEST,
    values: [
      auth.publicKey,
      sha256(auth.secret),
      column("key"),
      column("target_type"),
      column("target_key"),
      column("type"),
      column("value"),
      column("occurred_at"),
      column("hash"),
      path,
      records.length === 1 && path.endsWith("/actions"),
    ],
  });
  if (rows[0].authenticated === 0) {
    return { status: 401, body: { message: "Invalid API key.", status: 401 } };
  }
  let names = ruleNames.get(auth.publicKey);
  if (!names) {
    const found = await pool.query(RULE_NAMES, [auth.publicKey]);
    names = new Map(found.rows.map((r) => [r.id, r.name]));
    ruleNames.set(auth.publicKey, names);
  }
  const stored = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key, output(r, names)]));
  const missing = records.filter((r) => !stored.has(r.key)).map((r) => r.key);
  const earlier = new Map<string, string>();
  if (missing.length > 0) {
    const found = await pool.query(STORED, [auth.publicKey, missing]);
    for (const row of found.rows) earlier.set(row.key, row.request_hash);
  }
  const results = records.map((record, index) => {
    const action = stored.get(record.key);
    if (action) return { index, status: 200, replayed: false, data: action };
    const hash = earlier.get(record.key);
    if (hash === undefined) return { index, status: 404, message: "Target or type not found" };
    return hash === record.hash
      ? { index, status: 200, replayed: true }
      : { index, status: 409, message: `An action with key "${record.key}" already exists.` };
  });
  return { status: 200, body: results };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function answer(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? "";
  if (request.method === "GET" && path.startsWith("/api/v2/actions")) {
    return answer(response, 200, { data: [], message: "Success", status: 200 });
  }
  const batch = path === "/api/v2/actions/batch";
  if (request.method !== "POST" || (!batch && path !== "/api/v2/actions")) {
    return answer(response, 404, { message: "Not found", status: 404 });
  }
  const body = (await readBody(request)) as Record<string, unknown>;
  const list = batch ? (body.actions as Record<string, unknown>[]) : [body];
  const records = list.map(sent);
  if (records.some((r) => r === null)) {
    return answer(response, 422, { message: "Invalid action", status: 422 });
  }
  const { status, body: results } = await ingest(
    request.headers.authorization,
    records as Sent[],
    path,
  );
  if (status !== 200 || !Array.isArray(results)) return answer(response, status, results);
  if (!batch) {
    const [result] = results;
    if (result.status !== 200) return answer(response, result.status, result);
    return answer(response, 200, {
      data: result.data,
      message: result.replayed ? "Action already recorded" : "Action recorded",
      status: 200,
    });
  }
  const accepted = results.filter((r) => r.status === 200).length;
  return answer(response, 200, {
    data: { results, accepted, rejected: results.length - accepted },
    message: `Batch: ${accepted} accepted, ${results.length - accepted} rejected`,
    status: 200,
  });
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: Error) => {
    console.error(error);
    answer(response, 500, { message: error.message, status: 500 });
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log(`baseline ready on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}
