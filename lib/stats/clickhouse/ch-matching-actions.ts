import { chEmpty, chjoin, chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import type { ActionsTabFilters } from "../url/search-params";
import type { TabScope } from "../scope";
import { chFilterConditions } from "./ch-filters";

export const ms = (epochMs: number) => chsql`fromUnixTimestamp64Milli(${epochMs}, 'UTC')`;

/** The program's partnerships as they are now (newest version of each). */
export const partnershipsNow = (programId: number) =>
  chsql`(SELECT id, partner_key, first_name, last_name, email FROM ${chTable("partnerships")} FINAL
    WHERE program_id = ${programId})`;
export const actionTypesNow = (programId: number) =>
  chsql`(SELECT id, name FROM ${chTable("action_types")} FINAL WHERE program_id = ${programId})`;

/** Twin of the PostgreSQL occurredWithin: actions (alias `a`) in the range, 1 for "any time". */
export function chOccurredWithin(range: InstantRange): ChSql {
  const parts = [chsql`1`];
  if (range.start !== null) parts.push(chsql`a.occurred_at >= ${ms(range.start)}`);
  if (range.end !== null) parts.push(chsql`a.occurred_at < ${ms(range.end)}`);
  return chjoin(parts, " AND ");
}

/**
 * The partner filters as conditions on the program's partnerships (unaliased columns of the
 * `partnerships` table), the twin of postgres `partnerConditions`.
 */
export function chPartnerConditions(programId: number, f: ActionsTabFilters): ChSql[] {
  return [chsql`program_id = ${programId}`, ...chFilterConditions(f, "partner")];
}

/**
 * FROM (with its PREWHERE) and WHERE for the actions matching a scope (alias `a`), the ClickHouse
 * twin of postgres/matching-actions.ts: the same conditions, with partner filters as a semi-join
 * on the partnerships' current attributes. FINAL reads each action's newest version only.
 */
export function chMatchingActions(
  scope: TabScope,
  range: InstantRange = scope.range,
  /** Conditions on columns an action's versions never change (its type), read first. */
  fixed: ChSql[] = [],
) {
  const where: ChSql[] = [chsql`a.archived = 0`];
  if (range.start !== null || range.end !== null) where.push(chOccurredWithin(range));
  return matchingRows(scope, "actions", where, fixed);
}

/**
 * Whether a scope's rows can be read from `action_totals` (summed ahead, any time only, and not
 * by property: a property is not one of the totals' keys).
 */
export const coversAllTime = (scope: TabScope) =>
  scope.range.start === null && scope.range.end === null && !scope.filters.property.key;

/**
 * The same for the table's rows summed ahead (`action_totals`, alias `a`: partnership × type ×
 * value with `occurrences` and `reward_cents` of its unarchived actions), for any-time scopes:
 * every condition a scope can set is on those three columns or the partnership's attributes.
 */
export function chMatchingTotals(scope: TabScope) {
  if (!coversAllTime(scope)) throw new Error("action_totals hold any-time totals only");
  return matchingRows(scope, "action_totals", [chsql`a.occurrences > 0`]);
}

function matchingRows(
  scope: TabScope,
  table: "actions" | "action_totals",
  conditions: ChSql[],
  fixed: ChSql[] = [],
) {
  const where: ChSql[] = [chsql`a.program_id = ${scope.programId}`, ...conditions];
  where.push(...chFilterConditions(scope.filters, "action"));
  const partners = chFilterConditions(scope.filters, "partner").length
    ? chsql`a.partnership_id IN (SELECT id FROM ${chTable("partnerships")} FINAL
      WHERE ${chjoin(chPartnerConditions(scope.programId, scope.filters), " AND ")})`
    : null;
  // PREWHERE reads partnership_id first and the other columns only for matching rows. Safe with
  // FINAL because a row's partnership never changes between its versions (an action's archived
  // flag and a total's counts do, so they stay in WHERE, decided after FINAL picks the newest).
  const first = [...fixed];
  if (scope.partnershipId !== undefined) {
    first.push(chsql`a.partnership_id = ${scope.partnershipId}`);
    if (partners) where.push(partners);
  } else if (partners) {
    first.push(partners);
  }
  const prewhere = first.length ? chsql`PREWHERE ${chjoin(first, " AND ")}` : chEmpty;
  return {
    from: chsql`${chTable(table)} AS a FINAL ${prewhere}`,
    where: chjoin(where, " AND "),
  };
}
