import pg from "pg";
import { migrate, openDatabase } from "../../lib/db/open";
import type { BenchConfig } from "./config";
import { actionsSql, partnersSql, programSql, SEQUENCES_SQL } from "./dataset-sql";
import { benchPrograms, type BenchShape } from "./dataset-spec";

/** Bump when the generator changes, so an old database is rebuilt rather than reused. */
const DATASET_VERSION = 2;
const CHUNK = 1_000_000;
const LOADERS = 2;

export interface Dataset {
  shape: BenchShape;
  /** The dataset's "now": the last action's receipt time, used as the tab's clock. */
  anchor: string;
  actions: number;
  rebuilt: boolean;
  buildSeconds: number | null;
  sizes: { table: string; rows: number }[];
  databaseBytes: number;
}

interface Marker {
  version: number;
  /** Absent in markers written before shapes existed: the power-law shape. */
  shape?: BenchShape;
  actions: number;
  anchor: string;
  buildSeconds: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

function adminUrl(url: string) {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name "${name}".`);
  admin.pathname = "/postgres";
  return { admin: admin.toString(), name };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A loading session: no triggers (the outbox stays empty) and no foreign-key checks. */
async function loader<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  return withClient(url, async (c) => {
    await c.query(`SET session_replication_role = replica; SET synchronous_commit = off;
      SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2`);
    return fn(c);
  });
}

async function readMarker(url: string, name: string): Promise<Marker | null> {
  const { admin } = adminUrl(url);
  return withClient(admin, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    try {
      return rows[0]?.comment ? (JSON.parse(rows[0].comment) as Marker) : null;
    } catch {
      return null;
    }
  });
}

async function build(config: BenchConfig, name: string): Promise<Marker> {
  const started = performance.now();
  const { admin } = adminUrl(config.databaseUrl);
  await withClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const db = await openDatabase({ engine: "postgres", url: config.databaseUrl });
  await migrate(db);
  await db.close();

  const url = config.databaseUrl;
  const programs = benchPrograms(config.actions, config.shape);
  const anchor = await withClient(url, async (c) => {
    const { rows } = await c.query<{ at: string }>(
      `SELECT to_char(date_trunc('second', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`,
    );
    return rows[0].at;
  });
  let step = performance.now();
  await loader(url, async (c) => {
    await c.query("BEGIN");
    for (const p of programs) await c.query(programSql(p, anchor));
    for (const p of programs) await c.query(partnersSql(p, anchor));
    await c.query("COMMIT");
  });
  console.error(`  partnerships, tags, customers: ${seconds(step).toFixed(1)} s`);

  // Secondary indexes are built once after the load, not maintained row by row.
  step = performance.now();
  const indexes = await loader(url, async (c) => {
    const { rows } = await c.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = 'public' AND tablename = 'actions' AND indexname <> 'actions_pkey'`,
    );
    for (const r of rows) await c.query(`DROP INDEX "${r.name}"`);
    return rows.map((r) => r.def);
  });
  const chunks = programs.flatMap((p) => {
    const out: [typeof p, number, number][] = [];
    for (let from = 1; from <= p.actions; from += CHUNK) {
      out.push([p, from, Math.min(p.actions, from + CHUNK - 1)]);
    }
    return out;
  });
  let loaded = 0;
  const total = programs.reduce((s, p) => s + p.actions, 0);
  await Promise.all(
    Array.from({ length: LOADERS }, () =>
      loader(url, async (c) => {
        for (let next = chunks.shift(); next; next = chunks.shift()) {
          const [p, from, to] = next;
          await c.query(actionsSql(p, from, to, anchor));
          loaded += to - from + 1;
          console.error(
            `  actions ${loaded.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${seconds(step).toFixed(0)} s)`,
          );
        }
      }),
    ),
  );
  console.error(`  actions: ${seconds(step).toFixed(1)} s`);

  step = performance.now();
  const pending = [...indexes];
  await Promise.all(
    Array.from({ length: LOADERS }, () =>
      loader(url, async (c) => {
        for (let def = pending.shift(); def; def = pending.shift()) await c.query(def);
      }),
    ),
  );
  console.error(`  ${indexes.length} action indexes: ${seconds(step).toFixed(1)} s`);

  step = performance.now();
  await loader(url, async (c) => {
    await c.query(SEQUENCES_SQL);
    // Visibility map and statistics, as a table that has lived a while would have.
    await c.query("VACUUM (ANALYZE)");
  });
  console.error(`  sequences, VACUUM ANALYZE: ${seconds(step).toFixed(1)} s`);

  const marker: Marker = {
    version: DATASET_VERSION,
    shape: config.shape,
    actions: config.actions,
    anchor,
    buildSeconds: Math.round(seconds(started)),
  };
  await withClient(admin, (c) =>
    c.query(`COMMENT ON DATABASE "${name}" IS '${JSON.stringify(marker)}'`),
  );
  return marker;
}

/**
 * The benchmark database: reused when it holds a finished dataset of the requested size (the
 * marker is written last), rebuilt otherwise or with `--rebuild`.
 */
export async function prepareDataset(config: BenchConfig): Promise<Dataset> {
  const { name } = adminUrl(config.databaseUrl);
  let marker = config.rebuild ? null : await readMarker(config.databaseUrl, name);
  const reuse =
    marker !== null &&
    marker.version === DATASET_VERSION &&
    (marker.shape ?? "power") === config.shape &&
    marker.actions === config.actions;
  if (!reuse) {
    console.error(`Building ${config.actions.toLocaleString("en-US")} actions into ${name} …`);
    marker = await build(config, name);
  } else {
    console.error(`Reusing ${name} (built ${marker!.anchor}; --rebuild to rebuild).`);
  }
  const sizes = await withClient(config.databaseUrl, async (c) => {
    const tables = ["programs", "partnerships", "partnership_tags", "customers", "actions"];
    const out: { table: string; rows: number }[] = [];
    for (const table of tables) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      out.push({ table, rows: Number(rows[0].n) });
    }
    const { rows } = await c.query<{ bytes: string }>(
      `SELECT pg_database_size(current_database()) AS bytes`,
    );
    return { out, bytes: Number(rows[0].bytes) };
  });
  return {
    shape: config.shape,
    anchor: marker!.anchor,
    actions: config.actions,
    rebuilt: !reuse,
    buildSeconds: marker!.buildSeconds,
    sizes: sizes.out,
    databaseBytes: sizes.bytes,
  };
}
