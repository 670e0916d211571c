import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import { getRuleReplay, type ReplayGroup, type ReplayPartner } from "../stats/get-rule-replay";
import type { TabScope } from "../stats/scope";

export type LabelledPartner = ReplayPartner & {
  partnerKey: string;
  partnerName: string;
  partnerEmail: string;
  groupName: string;
};
export type LabelledGroup = ReplayGroup & { groupName: string };

/** Largest changes first (by size, either way), then by partner key: the order of screen and CSV. */
function byDifference(a: LabelledPartner, b: LabelledPartner): number {
  const x = a.differenceCents < 0n ? -a.differenceCents : a.differenceCents;
  const y = b.differenceCents < 0n ? -b.differenceCents : b.differenceCents;
  if (x !== y) return x > y ? -1 : 1;
  return a.partnerKey < b.partnerKey ? -1 : a.partnerKey > b.partnerKey ? 1 : 0;
}

/**
 * The replay with names: partnerships and groups labelled from one read each (no lookup per
 * row). `changed` holds the partnerships with an affected action, largest difference first —
 * the rows of the CSV, which sum to the total difference since the others differ by nothing.
 */
export async function loadReplayReport(
  prisma: PrismaClient,
  scope: TabScope,
  rules: { today: RuleForEvaluation[]; draft: RuleForEvaluation[] },
) {
  const replay = await getRuleReplay(scope, rules);
  const changedRows = replay.partners.filter((p) => p.affected > 0);
  const [partnerships, groups] = await Promise.all([
    prisma.partnership.findMany({
      where: { programId: scope.programId, id: { in: changedRows.map((p) => p.partnershipId) } },
      select: { id: true, partnerKey: true, firstName: true, lastName: true, email: true },
    }),
    prisma.group.findMany({
      where: { programId: scope.programId },
      select: { id: true, name: true },
    }),
  ]);
  const partner = new Map(partnerships.map((p) => [p.id, p]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const changed = changedRows
    .map((row) => {
      const p = partner.get(row.partnershipId);
      return {
        ...row,
        partnerKey: p?.partnerKey ?? "",
        partnerName: p ? `${p.firstName} ${p.lastName}`.trim() : "",
        partnerEmail: p?.email ?? "",
        groupName: groupName.get(row.groupId) ?? "",
      };
    })
    .sort(byDifference);
  const byGroup: LabelledGroup[] = replay.groups.map((g) => ({
    ...g,
    groupName: groupName.get(g.groupId) ?? "",
  }));
  return { totals: replay.totals, partners: replay.partners.length, changed, groups: byGroup };
}

export type ReplayReport = Awaited<ReturnType<typeof loadReplayReport>>;
