import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";
import { copyStateVersions, markCopyState } from "./copy-state";
import { nextAnalyticsVersion } from "./load-pg-rows";

type Db = Prisma.TransactionClient | PrismaClient;

// `action_totals` holds, per program, partnership × type × value (an action's key: none of the
// three ever changes), the count and reward sum of its unarchived actions — the any-time table's
// rows, summed ahead. Each row is a recount from `actions FINAL`, stamped with a version taken
// AFTER the actions it counts reached the copy and before the recount reads them. Why that keeps
// every key exact with drainers running side by side: take the last write of an action with key
// K; its drainer recounts K with a version taken after that write, so the highest-versioned
// recount of K (the one FINAL keeps) was read after that write too, and saw every action of K.

interface TotalsKey {
  partnership_id: number;
  action_type_id: number;
  value: number;
}
interface Counted extends TotalsKey {
  occurrences: number | string;
  reward_cents: number | string;
}

const keyText = (k: TotalsKey) => `${k.partnership_id}:${k.action_type_id}:${k.value}`;
const COMPLETE = "action_totals";

/**
 * Recounts the keys of actions just written to the copy (rows as `actions` takes them) and
 * stores their totals (zero when every action of a key is archived).
 */
export async function recountActionTotals(
  db: Db,
  ch: ClickHouse,
  programId: number,
  actions: Record<string, unknown>[],
): Promise<void> {
  const keys = new Map<string, TotalsKey>();
  for (const a of actions) {
    const key = {
      partnership_id: Number(a.partnership_id),
      action_type_id: Number(a.action_type_id),
      value: Number(a.value),
    };
    keys.set(keyText(key), key);
  }
  if (keys.size === 0) return;
  const distinct = (pick: (k: TotalsKey) => number) => [...new Set([...keys.values()].map(pick))];
  const version = await nextAnalyticsVersion(db);
  // PREWHERE before FINAL is safe here: all versions of an action share these four columns.
  const counted = await ch.query<Counted>(chsql`
    SELECT partnership_id, action_type_id, value, countIf(archived = 0) AS occurrences,
           sumIf(reward_cents, archived = 0) AS reward_cents
    FROM ${chTable("actions")} FINAL
    PREWHERE program_id = ${programId}
      AND has(${distinct((k) => k.partnership_id)}, partnership_id)
      AND has(${distinct((k) => k.action_type_id)}, action_type_id)
      AND has(${distinct((k) => k.value)}, value)
    GROUP BY partnership_id, action_type_id, value`);
  const found = new Map(counted.map((row) => [keyText(row), row]));
  await ch.insert(
    "action_totals",
    [...keys.entries()].map(([text, key]) => {
      const row = found.get(text);
      return {
        program_id: programId,
        ...key,
        occurrences: row?.occurrences ?? 0,
        reward_cents: row?.reward_cents ?? 0,
        version,
      };
    }),
  );
}

/** Recounts every key of one program from its actions in the copy (after a backfill's pages). */
export async function rebuildActionTotals(
  db: Db,
  ch: ClickHouse,
  programId: number,
): Promise<void> {
  const version = await nextAnalyticsVersion(db);
  await ch.command(chsql`
    INSERT INTO ${chTable("action_totals")}
    SELECT program_id, partnership_id, action_type_id, value, countIf(archived = 0),
           sumIf(reward_cents, archived = 0), toUInt64(${version})
    FROM ${chTable("actions")} FINAL WHERE program_id = ${programId}
    GROUP BY program_id, partnership_id, action_type_id, value`);
}

/** Records that every program's totals were counted (a backfill or `ensureActionTotals`). */
export const markActionTotalsComplete = (db: Db, ch: ClickHouse) => markCopyState(db, ch, COMPLETE);

/**
 * A copy made before `action_totals` existed (or whose counting was interrupted) gets every
 * program's totals counted once; later changes keep them by the outbox. Safe to repeat and to run
 * beside drainers (each recount is the newest when it is written last).
 */
export async function ensureActionTotals(db: Db, ch: ClickHouse): Promise<void> {
  if ((await copyStateVersions(ch, [COMPLETE]))(COMPLETE) > 0n) return;
  const programs = await ch.query<{ program_id: number }>(
    chsql`SELECT DISTINCT program_id FROM ${chTable("actions")} ORDER BY program_id`,
  );
  for (const { program_id } of programs) await rebuildActionTotals(db, ch, Number(program_id));
  await markActionTotalsComplete(db, ch);
}
