import "server-only";
import type { SqlClient } from "../db/sql-client";
import type { ActionTypeWithRules, PreparedAction, ResolvedTarget } from "./ingest-types";
import { typesFromRows, typesWithRulesQuery, type TypeRuleRow } from "./load-types-with-rules";
import { targetsFromRows, targetsQuery, type TargetRow } from "./targets";

export interface QuickLookups {
  /** The batch's keys that are stored already (their rows are read only when there are any). */
  existingKeys: string[];
  types: Map<string, ActionTypeWithRules>;
  customers: Map<string, ResolvedTarget>;
  partnerships: Map<string, ResolvedTarget>;
}

interface LookupRow {
  existing_keys: string[];
  types: TypeRuleRow[];
  targets: TargetRow[];
}

/**
 * What a batch needs from the database, in one statement (the API's hot path: each statement is
 * a round trip plus both sides' network work, BENCHMARKS.md): which of its keys are stored, the
 * action types it names with their rules, and the customers and partnerships it names. Types and
 * targets travel as JSON (integers, text and booleans only); a stored action's own row, with its
 * dates, is read by `findActionsByKey` when there is one. Types and targets are read for every
 * action, replays included: a few more rows cost less than another statement.
 */
export async function readLookups(
  sql: SqlClient,
  programId: number,
  actions: PreparedAction[],
): Promise<QuickLookups> {
  const inputs = actions.map((a) => a.input);
  const keys = [...new Set(actions.map((a) => a.key))];
  const [row] = await sql.$queryRaw<LookupRow[]>`
    SELECT
      ARRAY(SELECT a.key FROM actions a
            WHERE a.program_id = ${programId} AND a.key = ANY(${keys}::text[])) AS existing_keys,
      (SELECT COALESCE(json_agg(t ORDER BY t.type_id, t.rule_id), '[]'::json)
       FROM (${typesWithRulesQuery(
         programId,
         inputs.map((i) => i.type),
       )}) t) AS types,
      (SELECT COALESCE(json_agg(x), '[]'::json) FROM (${targetsQuery(programId, inputs)}) x) AS targets`;
  return {
    existingKeys: row.existing_keys,
    types: typesFromRows(row.types),
    ...targetsFromRows(row.targets),
  };
}
