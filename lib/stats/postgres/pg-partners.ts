import "server-only";
import type { OpenDatabase } from "../../db/open";
import { Prisma } from "../../generated/prisma/client";
import { NO_ACTION_AT, type PartnerRanking, type PartnerStats } from "../engine";
import type { TabScope } from "../scope";
import { occurredWithin, partnerConditions } from "./matching-actions";
import { pgFilterConditions } from "./pg-filters";

/** The program's partnerships matching the scope's partner filters (alias `p`). */
export function matchingPartners(scope: TabScope): Prisma.Sql {
  return Prisma.join(
    [Prisma.sql`p.program_id = ${scope.programId}`, ...partnerConditions(scope.filters)],
    " AND ",
  );
}

/**
 * Per partnership: non-archived actions (of the action filters) and their rewards in the scope's timeframe, and the
 * newest one at any time (columns id, actions, reward_cents, last_at).
 */
function statsOf(scope: TabScope, partnerships: Prisma.Sql) {
  const inRange = occurredWithin(scope.range);
  const actionFilters = pgFilterConditions(scope.filters, "action");
  return Prisma.sql`
    SELECT a.partnership_id AS id, count(*) FILTER (WHERE ${inRange}) AS actions,
           coalesce(sum(a.reward_cents) FILTER (WHERE ${inRange}), 0) AS reward_cents,
           max(a.occurred_at) AS last_at
    FROM actions a
    WHERE a.program_id = ${scope.programId} AND a.archived_at IS NULL AND ${partnerships}
      ${actionFilters.length ? Prisma.sql`AND ${Prisma.join(actionFilters, " AND ")}` : Prisma.empty}
    GROUP BY a.partnership_id`;
}

const matchingIds = (scope: TabScope) =>
  Prisma.sql`a.partnership_id IN (SELECT p.id FROM partnerships p WHERE ${matchingPartners(scope)})`;

type RawStats = { id: number; actions: bigint; reward_cents: bigint; last_at: Date | null };
const toStats = (r: RawStats): PartnerStats => ({
  id: r.id,
  actions: Number(r.actions),
  rewardCents: Number(r.reward_cents),
  lastActionAt: r.last_at ? r.last_at.getTime() : null,
});

export async function pgPartnerStats(
  db: OpenDatabase,
  scope: TabScope,
  ids: number[] | null,
): Promise<PartnerStats[]> {
  const partnerships =
    ids === null
      ? matchingIds(scope)
      : ids.length
        ? Prisma.sql`a.partnership_id IN (${Prisma.join(ids)})`
        : Prisma.sql`FALSE`;
  const rows = await db.prisma.$queryRaw<RawStats[]>(statsOf(scope, partnerships));
  return rows.map(toStats);
}

const SORT_VALUE = {
  actions: Prisma.sql`coalesce(s.actions, 0)`,
  rewards: Prisma.sql`coalesce(s.reward_cents, 0)`,
  last_action: Prisma.sql`coalesce((extract(epoch FROM s.last_at) * 1000)::bigint, ${NO_ACTION_AT})`,
};

export async function pgRankPartners(
  db: OpenDatabase,
  scope: TabScope,
  ranking: PartnerRanking,
): Promise<PartnerStats[]> {
  const value = SORT_VALUE[ranking.sort];
  const desc = ranking.dir === "desc";
  const { after } = ranking;
  const keyset = after
    ? Prisma.sql`AND (${value} ${desc ? Prisma.sql`<` : Prisma.sql`>`} ${after.value}
        OR (${value} = ${after.value} AND p.id > ${after.id}))`
    : Prisma.empty;
  const rows = await db.prisma.$queryRaw<RawStats[]>`
    WITH s AS (${statsOf(scope, matchingIds(scope))})
    SELECT p.id, coalesce(s.actions, 0) AS actions, coalesce(s.reward_cents, 0) AS reward_cents,
           s.last_at
    FROM partnerships p LEFT JOIN s ON s.id = p.id
    WHERE ${matchingPartners(scope)} ${keyset}
    ORDER BY ${value} ${desc ? Prisma.sql`DESC` : Prisma.sql`ASC`}, p.id ASC
    ${ranking.limit === null ? Prisma.empty : Prisma.sql`LIMIT ${ranking.limit}`}`;
  return rows.map(toStats);
}
