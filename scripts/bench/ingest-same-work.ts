// Proof that the benchmark's baseline did the app's work: for every kind of action both were sent
// (type, value, target type and the partnership's group), each stored action has the same
// reward total, the same number of reward rows and the same reward lineage kind; and every
// request made one ingest log row. Compared by plain SQL over the two programs' rows.
import pg from "pg";

const KINDS = `
  SELECT t.name, a.value, a.target_type::text, g.key AS grp,
         min(a.reward_cents) AS min_cents, max(a.reward_cents) AS max_cents,
         min(a.reward_outcome->>'kind') AS kind,
         count(*) AS actions
  FROM actions a
  JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
  JOIN partnerships p ON p.program_id = a.program_id AND p.id = a.partnership_id
  JOIN groups g ON g.program_id = a.program_id AND g.id = p.group_id
  WHERE a.program_id = $1
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

const SUMS = `
  SELECT (SELECT count(*) FROM actions WHERE program_id = $1)::int AS actions,
         (SELECT count(*) FROM rewards WHERE program_id = $1)::int AS rewards,
         (SELECT coalesce(sum(reward_cents), 0) FROM actions WHERE program_id = $1)::bigint AS action_cents,
         (SELECT coalesce(sum(amount_cents), 0) FROM rewards WHERE program_id = $1)::bigint AS reward_cents,
         (SELECT count(*) FROM ingest_logs WHERE program_id = $1)::int AS log_rows`;

export interface StoredWork {
  actions: number;
  rewards: number;
  logRows: number;
}

/**
 * Compares the programs' stored actions kind by kind; returns each program's totals and the
 * differences found (none when the baseline did the same work).
 */
export async function compareStoredWork(url: string, programs: number[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const problems: string[] = [];
    const kinds = new Map<string, string>();
    const totals: StoredWork[] = [];
    for (const program of programs) {
      const { rows } = await client.query(KINDS, [program]);
      for (const row of rows) {
        const kind = `${row.name} × ${row.value} to a ${row.target_type} in ${row.grp}`;
        const judged = `${row.min_cents}–${row.max_cents} cents, ${row.kind}`;
        if (row.min_cents !== row.max_cents) problems.push(`program ${program}: ${kind} ${judged}`);
        const seen = kinds.get(kind);
        if (seen !== undefined && seen !== judged) {
          problems.push(`${kind}: ${seen} in one program, ${judged} in program ${program}`);
        }
        kinds.set(kind, judged);
      }
      const [sums] = (await client.query(SUMS, [program])).rows;
      if (sums.action_cents !== sums.reward_cents) {
        problems.push(
          `program ${program}: actions say ${sums.action_cents} cents, rewards ${sums.reward_cents}`,
        );
      }
      totals.push({ actions: sums.actions, rewards: sums.rewards, logRows: sums.log_rows });
    }
    return { totals, problems };
  } finally {
    await client.end();
  }
}
