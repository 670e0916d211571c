import { chConst, chEmpty, chjoin, chsql, chTable, type ChSql } from "../../analytics/ch-sql";
import type { ClickHouse } from "../../analytics/clickhouse";
import { NO_ACTION_AT, type PartnerRanking, type PartnerStats } from "../engine";
import type { TabScope } from "../scope";
import { chOccurredWithin, chPartnerConditions } from "./ch-matching-actions";
import { chFilterConditions } from "./ch-filters";

/** The ids of the program's partnerships matching the partner filters. */
function matchingIds(scope: TabScope): ChSql {
  const conditions = chPartnerConditions(scope.programId, scope.filters);
  return chsql`SELECT id FROM ${chTable("partnerships")} FINAL WHERE ${chjoin(conditions, " AND ")}`;
}

/** Twin of the PostgreSQL statsOf: per partnership, numbers in the timeframe and newest action. */
function statsOf(scope: TabScope, partnerships: ChSql): ChSql {
  const inRange = chOccurredWithin(scope.range);
  return chsql`
    SELECT a.partnership_id AS id, countIf(${inRange}) AS actions,
           sumIf(a.reward_cents, ${inRange}) AS reward_cents,
           toUnixTimestamp64Milli(max(a.occurred_at)) AS last_ms
    FROM ${chTable("actions")} AS a FINAL PREWHERE ${partnerships}
    WHERE ${chjoin(
      [
        chsql`a.program_id = ${scope.programId}`,
        chsql`a.archived = 0`,
        ...chFilterConditions(scope.filters, "action"),
      ],
      " AND ",
    )}
    GROUP BY a.partnership_id`;
}

type Numeric = number | string;
type RawStats = { id: Numeric; actions: Numeric; reward_cents: Numeric; last_ms: Numeric | null };
const toStats = (r: RawStats): PartnerStats => ({
  id: Number(r.id),
  actions: Number(r.actions),
  rewardCents: Number(r.reward_cents),
  lastActionAt: r.last_ms === null ? null : Number(r.last_ms),
});

export async function chPartnerStats(
  ch: ClickHouse,
  scope: TabScope,
  ids: number[] | null,
): Promise<PartnerStats[]> {
  const partnerships =
    ids === null
      ? chsql`a.partnership_id IN (${matchingIds(scope)})`
      : chsql`has(${ids}, a.partnership_id)`;
  const rows = await ch.query<RawStats>(statsOf(scope, partnerships));
  return rows.map(toStats);
}

const SORT_VALUE = {
  actions: "actions",
  rewards: "reward_cents",
  last_action: "sort_last",
} as const;

export async function chRankPartners(
  ch: ClickHouse,
  scope: TabScope,
  ranking: PartnerRanking,
): Promise<PartnerStats[]> {
  const ids = matchingIds(scope);
  const value = chConst(SORT_VALUE[ranking.sort]);
  const desc = ranking.dir === "desc";
  const { after } = ranking;
  const keyset = after
    ? chsql`WHERE (${value} ${chConst(desc ? "<" : ">")} ${after.value}
        OR (${value} = ${after.value} AND id > ${after.id}))`
    : chEmpty;
  const rows = await ch.query<RawStats>(chsql`
    SELECT id, actions, reward_cents, last_ms FROM (
      SELECT p.id AS id, ifNull(s.actions, 0) AS actions, ifNull(s.reward_cents, 0) AS reward_cents,
             s.last_ms AS last_ms, ifNull(s.last_ms, ${NO_ACTION_AT}) AS sort_last
      FROM (${ids}) AS p
      LEFT JOIN (${statsOf(scope, chsql`a.partnership_id IN (${ids})`)}) AS s ON s.id = p.id
    ) ${keyset}
    ORDER BY ${value} ${chConst(desc ? "DESC" : "ASC")}, id ASC
    ${ranking.limit === null ? chEmpty : chsql`LIMIT ${ranking.limit}`}
    SETTINGS join_use_nulls = 1`);
  return rows.map(toStats);
}
