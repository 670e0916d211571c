// The source Actionboard of `npm run bench:import`: one program of a known size, generated with
// set-based SQL (every "random" column a hash of the row number, so a rebuild gives the same
// rows), in its own local PostgreSQL database, with an API key to read it through the v2 API.
import { generateApiKeyPair, hashSecret } from "../../lib/api-keys/api-key-secrets";
import { migrate, openDatabase } from "../../lib/db/open";
import { onLocalServer, recreateLocalDatabase } from "../../lib/db/recreate-local-database";

export interface ImportSourceSize {
  partnerships: number;
  customers: number;
  actions: number;
}

export interface ImportSource {
  programId: number;
  keys: { publicKey: string; secretKey: string };
  /** Emails of the program's partner managers (members of the source). */
  managers: string[];
  rewards: number;
  builtInMs: number | null;
}

const GROUPS = ["Affiliates", "Resellers", "Influencers", "Agencies", "Partners", "Students"];
const TAGS = ["vip", "newsletter", "saas", "ecommerce", "emea", "apac", "q4-push", "beta"];
const TYPES = ["signup", "trial", "demo", "upgrade", "webinar", "content", "review", "purchase"];
const MANAGERS = 5;

const h = (expr: string, salt: number) =>
  `(hashint8((${expr})::bigint * 64 + ${salt}) & 2147483647)`;
const list = (items: string[]) => `ARRAY[${items.map((i) => `'${i}'`).join(", ")}]`;

function datasetSql(size: ImportSourceSize) {
  const { partnerships: n, customers: m, actions: k } = size;
  return `
    INSERT INTO users (id, email, name, password_hash)
      SELECT u, 'manager' || u || '@source.test', 'Manager ' || u, 'not-a-login'
      FROM generate_series(1, ${MANAGERS}) u;
    INSERT INTO programs (id, slug, name, timezone, currency)
      VALUES (1, 'source', 'Import source', 'America/New_York', 'USD');
    INSERT INTO memberships (program_id, user_id, role)
      SELECT 1, u, 'manager' FROM generate_series(1, ${MANAGERS}) u;
    INSERT INTO groups (program_id, id, key, name, slug)
      SELECT 1, g, 'group_' || g, (${list(GROUPS)})[g], 'group-' || g
      FROM generate_series(1, ${GROUPS.length}) g;
    INSERT INTO tags (program_id, id, name)
      SELECT 1, t, (${list(TAGS)})[t] FROM generate_series(1, ${TAGS.length}) t;
    INSERT INTO action_types (program_id, id, name)
      SELECT 1, t, (${list(TYPES)})[t] FROM generate_series(1, ${TYPES.length}) t;
    INSERT INTO partnerships (program_id, id, partner_key, first_name, last_name, email, group_id,
        manager_user_id, is_marketplace, joined_at, archived_at, created_at, updated_at)
      SELECT 1, i, 'partner_' || i, 'First' || i, 'Last' || (${h("i", 1)} % 997),
        'partner' || i || '@partners.test', 1 + ${h("i", 2)} % ${GROUPS.length},
        CASE WHEN ${h("i", 3)} % 3 = 0 THEN 1 + ${h("i", 4)} % ${MANAGERS} END,
        ${h("i", 5)} % 100 < 15, now() - interval '1 minute' * (${h("i", 6)} % 1000000),
        CASE WHEN ${h("i", 7)} % 100 < 5 THEN now() - interval '1 day' END,
        now() - interval '1 second' * (${n} - i), now() - interval '1 second' * (${n} - i)
      FROM generate_series(1, ${n}) i;
    INSERT INTO partnership_tags (program_id, partnership_id, tag_id)
      SELECT 1, i, t FROM generate_series(1, ${n}) i, generate_series(1, ${TAGS.length}) t
      WHERE ${h("i * 16 + t", 8)} % 100 < 20;
    INSERT INTO customers (program_id, id, customer_key, email, name, partnership_id, meta,
        archived_at, created_at, updated_at)
      SELECT 1, i, 'cus_' || i,
        CASE WHEN ${h("i", 10)} % 10 = 0 THEN NULL ELSE 'customer' || i || '@example.test' END,
        'Customer ' || i, 1 + (i - 1) % ${n},
        CASE WHEN ${h("i", 11)} % 4 = 0 THEN '{"plan": "pro", "seats": 3}' ELSE '{}' END::jsonb,
        CASE WHEN ${h("i", 12)} % 100 < 3 THEN now() - interval '1 day' END,
        now() - interval '1 second' * (${m} - i), now() - interval '1 second' * (${m} - i)
      FROM generate_series(1, ${m}) i;
    INSERT INTO actions (program_id, id, key, action_type_id, value, target_type, partnership_id,
        customer_id, occurred_at, created_at, updated_at, archived_at, reward_outcome, reward_cents)
      SELECT 1, i, 'act_' || i, 1 + ${h("i", 20)} % ${TYPES.length}, 1 + ${h("i", 21)} % 3,
        (CASE WHEN cust THEN 'customer' ELSE 'partnership' END)::"TargetType",
        1 + (c - 1) % ${n}, CASE WHEN cust THEN c END,
        now() - interval '1 minute' * (${h("i", 23)} % 1000000),
        now() - interval '1 millisecond' * (${k} - i), now() - interval '1 millisecond' * (${k} - i),
        CASE WHEN ${h("i", 24)} % 100 = 0 THEN now() END,
        '{"kind":"no_reward","reason":"no_rule_for_type","rules":[]}'::jsonb,
        CASE WHEN ${h("i", 25)} % 10 = 0 THEN 500 ELSE 0 END
      FROM (SELECT i, ${h("i", 22)} % 100 < 70 AS cust, 1 + ${h("i", 26)} % ${m} AS c
            FROM generate_series(1, ${k}) i) raw;
    INSERT INTO rewards (program_id, key, partnership_id, action_id, origin, amount_cents,
        currency, status, created_at)
      SELECT 1, 'rwd_' || a.id, a.partnership_id, a.id, 'imported', a.reward_cents, 'USD',
        'approved', a.created_at
      FROM actions a WHERE a.program_id = 1 AND a.reward_cents > 0;
    ${[
      "users",
      "programs",
      "groups",
      "tags",
      "action_types",
      "partnerships",
      "customers",
      "actions",
    ]
      .map(
        (t) =>
          `SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) + 1 FROM ${t}), false);`,
      )
      .join("\n")}`;
}

const marker = (size: ImportSourceSize) =>
  `import-source v2 ${size.partnerships}/${size.customers}/${size.actions}`;

/**
 * The source database at `url`: reused when its marker names this size, else dropped and built
 * again. A new API key is made on every call (its secret is never stored in clear).
 */
export async function openImportSource(url: string, size: ImportSourceSize) {
  let builtInMs: number | null = null;
  let current: string | null = null;
  await onLocalServer(url, async (client, name) => {
    const found = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    current = found.rows[0]?.comment ?? null;
  });
  if (current !== marker(size)) {
    const started = Date.now();
    await recreateLocalDatabase(url);
    const db = await openDatabase({ engine: "postgres", url });
    try {
      await migrate(db);
      await db.withRunner((r) => r.exec(datasetSql(size)));
      // As autovacuum leaves a live database: statistics, and the visibility map index-only
      // scans need.
      await db.withRunner((r) => r.exec("VACUUM ANALYZE"));
    } finally {
      await db.close();
    }
    await onLocalServer(url, (client, name) =>
      client.query(`COMMENT ON DATABASE "${name}" IS '${marker(size)}'`),
    );
    builtInMs = Date.now() - started;
  }
  const db = await openDatabase({ engine: "postgres", url });
  try {
    await migrate(db); // a reused source gets the migrations added since it was built
    const pair = generateApiKeyPair("live");
    await db.prisma.apiKey.create({
      data: {
        programId: 1,
        label: "bench:import",
        publicKey: pair.publicKey,
        secretHash: hashSecret(pair.secret),
      },
    });
    const managers = await db.prisma.user.findMany({
      where: { memberships: { some: { programId: 1 } } },
      orderBy: { id: "asc" },
    });
    const rewards = await db.prisma.reward.count({ where: { programId: 1 } });
    return {
      programId: 1,
      keys: { publicKey: pair.publicKey, secretKey: pair.secret },
      managers: managers.map((u) => u.email),
      rewards,
      builtInMs,
    } satisfies ImportSource;
  } finally {
    await db.close();
  }
}
