import { chConst, chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";

/**
 * The analytics copy. ReplacingMergeTree keyed like PostgreSQL's rows and versioned by the outbox
 * id (or the backfill's watermark): a replayed or late delivery of an older state loses to the
 * newer one, whatever order they arrive in. Queries read with FINAL, so unmerged duplicates never
 * count twice. Every table is ordered by program_id first (one program = one contiguous range).
 */
const TABLES = {
  // occurred_at and id never change for an action, so they can order the table.
  actions: `(
    program_id UInt32, occurred_at DateTime64(3, 'UTC'), id UInt64,
    created_at DateTime64(3, 'UTC'), key String, action_type_id UInt32, value UInt32,
    partnership_id UInt32, customer_id UInt32, reward_cents Int64, reward_outcome String,
    archived UInt8, version UInt64, properties Map(String, String)
  ) ENGINE = ReplacingMergeTree(version)
    PARTITION BY (program_id % 16, toYear(occurred_at))
    ORDER BY (program_id, occurred_at, id)`,
  partnerships: `(
    program_id UInt32, id UInt32, partner_key String, first_name String, last_name String,
    email String, group_id UInt32, manager_user_id UInt32, is_marketplace UInt8, archived UInt8,
    tag_ids Array(UInt32), version UInt64
  ) ENGINE = ReplacingMergeTree(version) ORDER BY (program_id, id)`,
  customers: `(
    program_id UInt32, id UInt32, email Nullable(String), version UInt64
  ) ENGINE = ReplacingMergeTree(version) ORDER BY (program_id, id)`,
  action_types: `(
    program_id UInt32, id UInt32, name String, version UInt64
  ) ENGINE = ReplacingMergeTree(version) ORDER BY (program_id, id)`,
  // The any-time table's rows kept summed (action-totals.ts): one row per partnership × type ×
  // value with its unarchived actions' count and rewards, each row a recount from \`actions FINAL\`
  // stamped with a version taken after the actions it counts were written (the newest wins).
  action_totals: `(
    program_id UInt32, partnership_id UInt32, action_type_id UInt32, value UInt32,
    occurrences UInt64, reward_cents Int64, version UInt64
  ) ENGINE = ReplacingMergeTree(version)
    PARTITION BY program_id % 16
    ORDER BY (program_id, partnership_id, action_type_id, value)`,
} as const;

/**
 * Columns added after a table's first version: a copy made before them gets them when a process
 * opens it (their default, e.g. an empty map, is right for the rows it holds: no action had
 * properties before the column existed).
 */
const ADDED_COLUMNS: [AnalyticsTable, string][] = [
  // An action's properties as text (PostgreSQL's `->>`: 5 → "5", true → "true").
  ["actions", "properties Map(String, String)"],
];

/** Facts about the copy itself (not a program's): which derived tables are complete. */
const COPY_STATE = `(name String, version UInt64)
  ENGINE = ReplacingMergeTree(version) ORDER BY name`;

export type AnalyticsTable = keyof typeof TABLES;

/** Every table of the copy (each has program_id first in its order). */
export const ANALYTICS_TABLES = Object.keys(TABLES) as AnalyticsTable[];

/** Creates the database and tables when missing (safe to repeat). */
export async function ensureAnalyticsSchema(ch: ClickHouse): Promise<void> {
  await ch.command(chsql`CREATE DATABASE IF NOT EXISTS {db:Identifier}`);
  for (const [name, definition] of Object.entries(TABLES)) {
    await ch.command(chsql`CREATE TABLE IF NOT EXISTS ${chTable(name)} ${chConst(definition)}`);
  }
  for (const [table, column] of ADDED_COLUMNS) {
    await ch.command(
      chsql`ALTER TABLE ${chTable(table)} ADD COLUMN IF NOT EXISTS ${chConst(column)}`,
    );
  }
  await ch.command(
    chsql`CREATE TABLE IF NOT EXISTS ${chTable("copy_state")} ${chConst(COPY_STATE)}`,
  );
}

/** Drops the analytics database (tests and `analytics:sync --reset`). */
export async function dropAnalyticsDatabase(ch: ClickHouse): Promise<void> {
  await ch.command(chsql`DROP DATABASE IF EXISTS {db:Identifier}`);
}
