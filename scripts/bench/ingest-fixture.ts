import { randomBytes } from "node:crypto";
import { generateApiKeyPair, hashSecret } from "../../lib/api-keys/api-key-secrets";
import { hashPassword } from "../../lib/security/password";
import { assertLocalDatabase } from "../../lib/db/local-guard";
import { migrate, openDatabase } from "../../lib/db/open";
import type { SqlRunner } from "../../lib/db/sql-runner";

const BENCH_PARTNERSHIPS = 1_000;
const BENCH_CUSTOMERS = 10_000;

/** Action types the benchmark sends; the first three have reward rules of each kind. */
const BENCH_TYPES = ["signup_completed", "purchase", "demo_booked", "page_viewed"];

interface IngestBenchProgram {
  programId: number;
  slug: string;
  /** HTTP Basic credentials of the program's API key. */
  authorization: string;
  /** A viewer of the program, to read the Actions tab's numbers over HTTP. */
  viewer: { email: string; password: string };
}

async function insertProgram(r: SqlRunner, slug: string, publicKey: string, secretHash: string) {
  const [{ id }] = await r.query<{ id: number }>(
    `INSERT INTO programs (slug, name, timezone) VALUES ($1, $1, 'UTC') RETURNING id`,
    [slug],
  );
  await r.query(
    `INSERT INTO groups (program_id, key, name, slug)
     SELECT $1, g, g, g FROM unnest(ARRAY['affiliates', 'resellers']) g`,
    [id],
  );
  await r.query(
    `INSERT INTO partnerships (program_id, partner_key, first_name, last_name, email, group_id)
     SELECT $1, 'ptn_' || i, 'First', 'Last' || i, 'ptn_' || i || '@bench.test',
            (SELECT g.id FROM groups g WHERE g.program_id = $1
             AND g.key = CASE WHEN i % 4 = 0 THEN 'resellers' ELSE 'affiliates' END)
     FROM generate_series(1, $2::int) i`,
    [id, BENCH_PARTNERSHIPS],
  );
  await r.query(
    `INSERT INTO customers (program_id, customer_key, email, partnership_id)
     SELECT $1, 'cus_' || i, 'cus_' || i || '@bench.test', p.id
     FROM generate_series(1, $2::int) i
     JOIN partnerships p ON p.program_id = $1 AND p.partner_key = 'ptn_' || (1 + i % $3::int)`,
    [id, BENCH_CUSTOMERS, BENCH_PARTNERSHIPS],
  );
  await r.query(`INSERT INTO action_types (program_id, name) SELECT $1, unnest($2::text[])`, [
    id,
    BENCH_TYPES,
  ]);
  await r.query(
    `INSERT INTO reward_rules (program_id, name, action_type_id, amount_cents, multiply_by_value, group_id)
     SELECT $1, rule.name, t.id, rule.amount, rule.per_unit,
            (SELECT g.id FROM groups g WHERE g.program_id = $1 AND g.key = rule.group_key)
     FROM (VALUES ('Signup bounty', 'signup_completed', 500, false, NULL),
                  ('Per purchase unit', 'purchase', 120, true, NULL),
                  ('Reseller demo', 'demo_booked', 2500, false, 'resellers'))
          AS rule(name, type, amount, per_unit, group_key)
     JOIN action_types t ON t.program_id = $1 AND t.name = rule.type`,
    [id],
  );
  await r.query(
    `INSERT INTO api_keys (program_id, label, mode, public_key, secret_hash)
     VALUES ($1, 'bench', 'test', $2, $3)`,
    [id, publicKey, secretHash],
  );
  return id;
}

async function insertViewer(r: SqlRunner, programId: number, slug: string) {
  const viewer = { email: `${slug}@bench.test`, password: randomBytes(12).toString("hex") };
  const [{ id }] = await r.query<{ id: number }>(
    `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Bench viewer', $2) RETURNING id`,
    [viewer.email, await hashPassword(viewer.password)],
  );
  await r.query(`INSERT INTO memberships (program_id, user_id, role) VALUES ($1, $2, 'viewer')`, [
    programId,
    id,
  ]);
  return viewer;
}

/**
 * A new program in the local benchmark database (migrated here) with 1,000 partnerships (two
 * groups), 10,000 customers, reward rules (flat, per unit, group-scoped) and a test API key. Each
 * server measured gets its own program, so their actions can be counted and compared apart.
 */
export async function createIngestBenchProgram(url: string): Promise<IngestBenchProgram> {
  assertLocalDatabase({ engine: "postgres", url });
  const db = await openDatabase({ engine: "postgres", url });
  try {
    await migrate(db);
    const slug = `bench-ingest-${randomBytes(4).toString("hex")}`;
    const pair = generateApiKeyPair("test");
    const { programId, viewer } = await db.withRunner(async (r) => {
      await r.exec("BEGIN");
      try {
        const id = await insertProgram(r, slug, pair.publicKey, hashSecret(pair.secret));
        const member = await insertViewer(r, id, slug);
        await r.exec("COMMIT");
        return { programId: id, viewer: member };
      } catch (error) {
        await r.exec("ROLLBACK");
        throw error;
      }
    });
    const basic = Buffer.from(`${pair.publicKey}:${pair.secret}`).toString("base64");
    return { programId, slug, authorization: `Basic ${basic}`, viewer };
  } finally {
    await db.close();
  }
}

/** The i-th benchmark action: spread over customers, partnerships, types and values. */
export function benchAction(key: string, i: number) {
  const customer = i % 5 !== 0;
  return {
    key,
    target_type: customer ? "customer" : "partnership",
    target_key: customer
      ? `cus_${1 + ((i * 7919) % BENCH_CUSTOMERS)}`
      : `ptn_${1 + ((i * 104729) % BENCH_PARTNERSHIPS)}`,
    type: BENCH_TYPES[i % BENCH_TYPES.length],
    value: 1 + (i % 3),
  };
}
