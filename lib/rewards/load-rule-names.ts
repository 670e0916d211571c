import "server-only";
import type { SqlClient } from "../db/sql-client";

/** Rule id → name for one program: loaded once per request instead of one lookup per action. */
export async function loadRuleNames(
  db: SqlClient,
  programId: number,
): Promise<Map<number, string>> {
  const rules = await db.$queryRaw<{ id: number; name: string }[]>`
    SELECT id, name FROM reward_rules WHERE program_id = ${programId}`;
  return new Map(rules.map((r) => [r.id, r.name]));
}
