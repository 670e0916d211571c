import "server-only";
import { getPrisma } from "../../db/client";
import { matchingActions, type TabScope } from "./tab-scope";

/** Actions received after the view was read that match its filters (the "N new actions" hint). */
export async function countNewActions(scope: TabScope, since: number): Promise<number> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM ${from} WHERE ${where} AND a.created_at > ${new Date(since)}`;
  return Number(row.n);
}
