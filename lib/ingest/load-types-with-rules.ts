import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { SqlClient } from "../db/sql-client";
import type { ActionTypeWithRules } from "./ingest-types";

export interface TypeRuleRow {
  type_id: number;
  type_name: string;
  rule_id: number | null;
  rule_name: string | null;
  min_value: number | null;
  group_id: number | null;
  amount_cents: number | null;
  multiply_by_value: boolean | null;
  active: boolean | null;
}

/** The named action types that exist, one row per rule (or one without a rule), by type then rule. */
export const typesWithRulesQuery = (programId: number, names: string[]) => Prisma.sql`
  SELECT t.id AS type_id, t.name AS type_name, r.id AS rule_id, r.name AS rule_name,
         r.min_value, r.group_id, r.amount_cents, r.multiply_by_value, r.active
  FROM action_types t
  LEFT JOIN reward_rules r ON r.program_id = t.program_id AND r.action_type_id = t.id
  WHERE t.program_id = ${programId} AND t.name = ANY(${[...new Set(names)]}::text[])
  ORDER BY t.id, r.id`;

/** The rows of `typesWithRulesQuery` as types by name, each with all its reward rules. */
export function typesFromRows(rows: TypeRuleRow[]): Map<string, ActionTypeWithRules> {
  const types = new Map<string, ActionTypeWithRules>();
  for (const row of rows) {
    let type = types.get(row.type_name);
    if (!type) {
      type = { id: row.type_id, rules: [] };
      types.set(row.type_name, type);
    }
    if (row.rule_id === null) continue;
    type.rules.push({
      id: row.rule_id,
      name: row.rule_name!,
      actionTypeId: row.type_id,
      minValue: row.min_value,
      groupId: row.group_id,
      amountCents: row.amount_cents!,
      multiplyByValue: row.multiply_by_value!,
      active: row.active!,
    });
  }
  return types;
}

/** The named action types that exist, each with all its reward rules: one query for a batch. */
export async function loadTypesWithRules(
  tx: SqlClient,
  programId: number,
  names: string[],
): Promise<Map<string, ActionTypeWithRules>> {
  if (names.length === 0) return new Map();
  return typesFromRows(await tx.$queryRaw<TypeRuleRow[]>(typesWithRulesQuery(programId, names)));
}
