import { Prisma } from "../../generated/prisma/client";
import { REWARD_REASONS as R, WHY_NOT_REWARDED } from "../../rewards/reward-reasons";

// The PostgreSQL spelling of the export cell formats in lib/exports/csv.ts and format-export.ts;
// the export tests hold both to the same files.

/** Text a spreadsheet would run as a formula gets a leading apostrophe (`neutralizeCell`): = + - @
 * tab CR, told by code point (cheaper than cutting a one-character string per cell). */
const pgCell = (text: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ascii(${text}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${text} ELSE ${text} END`;

/** Cents as decimal units, "12.50" (`decimalMoney`, then neutralised like any text). */
const pgMoney = (cents: Prisma.Sql) =>
  Prisma.sql`(CASE WHEN ${cents} < 0 THEN '''-' ELSE '' END || (abs(${cents}) / 100)::text || '.' || lpad((abs(${cents}) % 100)::text, 2, '0'))`;

/** ISO 8601 with the offset, in the session's zone (`isoInZone`; the COPY sets the zone). */
const pgIso = (instant: Prisma.Sql) =>
  Prisma.sql`to_char(${instant}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`;

const WHY = Prisma.sql`CASE e.r->>'outcome' ${Prisma.join(
  Object.entries(WHY_NOT_REWARDED).map(([outcome, why]) => Prisma.sql`WHEN ${outcome} THEN ${why}`),
  " ",
)} END`;

/** A rule's name from the names loaded for the request, or "Rule <id>" (`ruleName`). */
function ruleName(id: Prisma.Sql, names: Map<number, string>): Prisma.Sql {
  const fallback = Prisma.sql`'Rule ' || ${id}`;
  if (names.size === 0) return fallback;
  const known = [...names].map(([ruleId, name]) => Prisma.sql`WHEN ${String(ruleId)} THEN ${name}`);
  return Prisma.sql`CASE ${id} ${Prisma.join(known, " ")} ELSE ${fallback} END`;
}

/** `describeRewardOutcome` over the jsonb column, one rule list walk per action at most. */
function pgRewardReason(outcome: Prisma.Sql, names: Map<number, string>): Prisma.Sql {
  const rules = (keep: Prisma.Sql, each: Prisma.Sql, separator: string) =>
    Prisma.sql`coalesce((SELECT string_agg(${each}, ${separator} ORDER BY e.i)
      FROM jsonb_array_elements(${outcome}->'rules') WITH ORDINALITY AS e(r, i) WHERE ${keep}), '')`;
  const name = ruleName(Prisma.sql`(e.r->>'ruleId')`, names);
  return Prisma.sql`CASE
    WHEN ${outcome} ? 'imported' THEN ${R.imported}
    WHEN NOT (${outcome} ? 'kind') THEN ${R.notEvaluated}
    WHEN ${outcome}->>'kind' = 'rewarded' AND jsonb_array_length(${outcome}->'rules') = 1
      THEN ${ruleName(Prisma.sql`(${outcome}->'rules'->0->>'ruleId')`, names)}
    WHEN ${outcome}->>'kind' = 'rewarded'
      THEN ${rules(Prisma.sql`e.r->>'outcome' = 'rewarded'`, name, R.rewardedSeparator)}
    WHEN ${outcome}->>'reason' = 'no_rule_for_type' THEN ${R.noRuleForType}
    WHEN ${outcome}->>'reason' = 'action_archived' THEN ${R.actionArchived}
    ELSE ${R.noReward} || ${rules(Prisma.sql`e.r->>'outcome' <> 'rewarded'`, Prisma.sql`${name} || ${R.whySeparator} || ${WHY}`, R.refusedSeparator)}
  END`;
}

/** How each kind of export cell is written. */
export interface PgCells {
  text: (text: Prisma.Sql) => Prisma.Sql;
  money: (cents: Prisma.Sql) => Prisma.Sql;
  iso: (instant: Prisma.Sql) => Prisma.Sql;
  reason: (outcome: Prisma.Sql, names: Map<number, string>) => Prisma.Sql;
}

export const PG_CELLS: PgCells = {
  text: pgCell,
  money: pgMoney,
  iso: pgIso,
  reason: pgRewardReason,
};

/** The same columns unformatted: `npm run bench`'s yardstick (plain COPY of the same rows). */
export const PG_RAW_CELLS: PgCells = {
  text: (x) => x,
  money: (x) => x,
  iso: (x) => x,
  reason: (x) => x,
};
