import { chConst, chsql, type ChSql } from "../../analytics/ch-sql";
import { REWARD_REASONS as R, WHY_NOT_REWARDED } from "../../rewards/reward-reasons";

// The ClickHouse spelling of the export cell formats in lib/exports/csv.ts and format-export.ts
// (twin of postgres/pg-csv-cells.ts); the export tests hold both engines to the same files.

/** Text a spreadsheet would run as a formula gets a leading apostrophe (`neutralizeCell`). */
const chCell = (text: ChSql) =>
  chsql`if(substring(${text}, 1, 1) IN ('=', '+', '-', '@', '\\t', '\\r'), concat('''', ${text}), ${text})`;

/** Cents as decimal units, "12.50" (`decimalMoney`). */
const chMoney = (cents: ChSql) =>
  chsql`concat(if(${cents} < 0, '''-', ''), toString(intDiv(abs(${cents}), 100)), '.',
    leftPad(toString(abs(${cents}) % 100), 2, '0'))`;

/** ISO 8601 with the zone's offset, `2026-03-08T01:30:05-05:00` (`isoInZone`). */
const chIso = (instant: ChSql, timeZone: string) => {
  const text = chsql`formatDateTime(${instant}, '%Y-%m-%dT%H:%i:%S%z', ${timeZone})`;
  return chsql`concat(left(${text}, 22), ':', right(${text}, 2))`;
};

/** A rule's name from the names loaded for the request, or "Rule <id>" (`ruleName`). */
function ruleName(id: ChSql, names: Map<number, string>): ChSql {
  const fallback = chsql`concat('Rule ', toString(${id}))`;
  if (names.size === 0) return fallback;
  return chsql`transform(toInt64(${id}), ${[...names.keys()]}, ${[...names.values()]}, ${fallback})`;
}

const WHY = chsql`transform(JSONExtractString(r, 'outcome'),
  ${Object.keys(WHY_NOT_REWARDED)}, ${Object.values(WHY_NOT_REWARDED)}, '')`;

/** `describeRewardOutcome` over the JSON text column. */
function chRewardReason(outcome: ChSql, names: Map<number, string>): ChSql {
  const rules = chsql`JSONExtractArrayRaw(${outcome}, 'rules')`;
  const name = ruleName(chsql`JSONExtractUInt(r, 'ruleId')`, names);
  const rewarded = chConst(`JSONExtractString(r, 'outcome') = 'rewarded'`);
  return chsql`multiIf(
    JSONHas(${outcome}, 'imported'), ${R.imported},
    NOT JSONHas(${outcome}, 'kind'), ${R.notEvaluated},
    JSONExtractString(${outcome}, 'kind') = 'rewarded',
      arrayStringConcat(arrayMap(r -> ${name}, arrayFilter(r -> ${rewarded}, ${rules})),
        ${R.rewardedSeparator}),
    JSONExtractString(${outcome}, 'reason') = 'no_rule_for_type', ${R.noRuleForType},
    JSONExtractString(${outcome}, 'reason') = 'action_archived', ${R.actionArchived},
    concat(${R.noReward}, arrayStringConcat(
      arrayMap(r -> concat(${name}, ${R.whySeparator}, ${WHY}),
        arrayFilter(r -> NOT ${rewarded}, ${rules})),
      ${R.refusedSeparator})))`;
}

/** How each kind of export cell is written. */
export interface ChCells {
  text: (text: ChSql) => ChSql;
  money: (cents: ChSql) => ChSql;
  iso: (instant: ChSql, timeZone: string) => ChSql;
  reason: (outcome: ChSql, names: Map<number, string>) => ChSql;
}

export const CH_CELLS: ChCells = {
  text: chCell,
  money: chMoney,
  iso: chIso,
  reason: chRewardReason,
};

/** The same columns unformatted: `npm run bench`'s yardstick (plain FORMAT CSV of the same rows). */
export const CH_RAW_CELLS: ChCells = {
  text: (x) => x,
  money: (x) => x,
  iso: (x) => x,
  reason: (x) => x,
};
