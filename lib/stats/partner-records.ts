import "server-only";
import { pgCountPartners, pgPartnerIdsByAttribute } from "./postgres/pg-partner-list";
import { pgRewardsByStatus } from "./postgres/pg-rewards-by-status";
import type { TabScope } from "./scope";
import type { OpenDatabase } from "../db/open";

export type { AttributeOrder, AttributeSort } from "./postgres/pg-partner-list";
export type { RewardsByStatus } from "./postgres/pg-rewards-by-status";

// Questions about partnerships' own attributes and rewards' statuses, which only the system of
// record holds: PostgreSQL answers them whichever engine counts the actions, with the same
// partner filters the engines apply.

/** How many partnerships match the scope's partner filters. */
export const countPartners = (db: OpenDatabase, scope: TabScope) => pgCountPartners(db, scope);

/** Matching partnerships' ids ordered by an attribute, after a keyset row; `limit: null` = all. */
export const partnerIdsByAttribute = (
  db: OpenDatabase,
  scope: TabScope,
  order: Parameters<typeof pgPartnerIdsByAttribute>[2],
  limit: number | null,
) => pgPartnerIdsByAttribute(db, scope, order, limit);

/** A partnership's rewards by status for actions that occurred in the scope's timeframe. */
export const rewardsByStatus = (db: OpenDatabase, scope: TabScope & { partnershipId: number }) =>
  pgRewardsByStatus(db, scope.programId, scope.partnershipId, scope.range);
