import "server-only";
import { keysetList, type TotalCount } from "../db/keyset-page";
import type { ListRewardsQuery, RewardOutput } from "../schemas/rewards";
import { Prisma, type PrismaClient } from "../generated/prisma/client";

interface RewardRow {
  key: string;
  amount_cents: number;
  currency: string;
  status: RewardOutput["status"];
  archived_at: Date | null;
  partner_key: string;
  action_key: string;
  action_type: string;
  rule_id: number | null;
  rule_name: string | null;
  origin: RewardOutput["origin"];
  created_at: Date;
  updated_at: Date;
}

const REWARD_FROM = Prisma.sql`rewards w
  JOIN partnerships p ON p.program_id = w.program_id AND p.id = w.partnership_id
  JOIN actions a ON a.program_id = w.program_id AND a.id = w.action_id
  JOIN action_types t ON t.program_id = a.program_id AND t.id = a.action_type_id
  LEFT JOIN reward_rules r ON r.program_id = w.program_id AND r.id = w.rule_id`;

const REWARD_SELECT = Prisma.sql`
  SELECT w.key, w.origin, w.amount_cents, w.currency, w.status, w.archived_at, w.created_at, w.updated_at,
         p.partner_key, a.key AS action_key, t.name AS action_type, r.id AS rule_id, r.name AS rule_name
  FROM ${REWARD_FROM}`;

function toRewardOutput(row: RewardRow): RewardOutput {
  return {
    key: row.key,
    amount: row.amount_cents,
    currency: row.currency.trim(),
    status: row.status,
    archived: row.archived_at !== null,
    partnership_key: row.partner_key,
    action_key: row.action_key,
    action_type: row.action_type,
    rule: row.rule_id === null ? null : { id: row.rule_id, name: row.rule_name ?? "" },
    origin: row.origin,
    created_at: row.created_at.getTime(),
    updated_at: row.updated_at.getTime(),
  };
}

export async function listRewards(
  prisma: PrismaClient,
  programId: number,
  q: ListRewardsQuery,
  count: TotalCount = "exact",
) {
  const parts = [Prisma.sql`w.program_id = ${programId}`];
  if (q.partnership_key) parts.push(Prisma.sql`p.partner_key = ${q.partnership_key}`);
  if (q.action_type) parts.push(Prisma.sql`t.name = ${q.action_type}`);
  if (q.status) parts.push(Prisma.sql`w.status = ${q.status}::"RewardStatus"`);
  const where = Prisma.join(parts, " AND ");
  // A reward's key is random, or `rwd_<id>` for rewards made before keys were (both unique per
  // program); paging still runs on (created_at, id).
  const { items, has_more, total } = await keysetList<RewardRow>(prisma, programId, q, {
    alias: "w",
    from: REWARD_FROM,
    keyColumn: "key",
    descending: true,
    select: REWARD_SELECT,
    where,
    count,
  });
  return { items: items.map(toRewardOutput), has_more, total };
}
