import "server-only";
import type { OpenDatabase } from "../../db/open";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import { toSummaryNumbers, type SummaryNumbers } from "../engine";
import { matchingActions } from "./matching-actions";
import type { TabScope } from "../scope";

export async function pgSummaryNumbers(
  db: OpenDatabase,
  scope: TabScope,
  range: InstantRange,
): Promise<SummaryNumbers> {
  const { prisma } = db;
  const { from, where } = matchingActions(scope, range);
  const [row] = await prisma.$queryRaw<Record<keyof SummaryNumbers, bigint | number | null>[]>`
    SELECT count(*) AS "occurrences", COALESCE(sum(a.value), 0) AS "totalValue",
           COALESCE(sum(a.reward_cents), 0) AS "rewardCents",
           count(DISTINCT a.partnership_id) AS "partners", count(DISTINCT a.customer_id) AS "customers"
    FROM ${from} WHERE ${where}`;
  return toSummaryNumbers(row);
}

/** Matching actions received after `since` (the "N new actions" hint). */
export async function pgCountNew(
  db: OpenDatabase,
  scope: TabScope,
  since: number,
): Promise<number> {
  const { prisma } = db;
  const { from, where } = matchingActions(scope);
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM ${from} WHERE ${where} AND a.created_at > ${new Date(since)}`;
  return Number(row.n);
}
