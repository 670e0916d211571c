import { migrate, openDatabase } from "../../lib/db/open";
import { recreateLocalDatabase } from "../../lib/db/recreate-local-database";

/**
 * A fresh local PostgreSQL database holding one program (id 1, New York time) with `actions`
 * actions over 18 months across 5,000 partnerships and 7 types, loaded with generate_series.
 */
export async function openBenchDatabase(url: string, actions: number) {
  await recreateLocalDatabase(url);

  const db = await openDatabase({ engine: "postgres", url });
  await migrate(db);
  const started = Date.now();
  await db.withRunner((r) =>
    r.exec(`
      INSERT INTO programs (slug, name, timezone) VALUES ('bench', 'Bench', 'America/New_York');
      INSERT INTO groups (program_id, key, name, slug) SELECT 1, 'g' || g, 'Group ' || g, 'g' || g FROM generate_series(1, 4) g;
      INSERT INTO action_types (program_id, name) SELECT 1, 'type_' || t FROM generate_series(1, 7) t;
      INSERT INTO partnerships (program_id, partner_key, first_name, last_name, email, group_id, is_marketplace)
        SELECT 1, 'p' || i, 'First' || i, 'Last' || i, 'p' || i || '@bench.test', 1 + i % 4, i % 7 = 0 FROM generate_series(1, 5000) i;
      INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id, occurred_at, created_at, reward_cents)
        SELECT 1, 'a' || i, 1 + (i::bigint * 7919) % 7, CASE WHEN i % 10 = 0 THEN 2 + i % 5 ELSE 1 END, 'partnership',
               1 + (i::bigint * 104729) % 5000, now() - (i * 548.0 / ${actions}) * interval '1 day',
               now() - (i * 548.0 / ${actions}) * interval '1 day', CASE WHEN i % 3 = 0 THEN 500 ELSE 0 END
        FROM generate_series(1, ${actions}) i;
      ANALYZE;`),
  );
  console.log(
    `Seeded ${actions.toLocaleString("en-US")} actions over 18 months in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return db;
}
