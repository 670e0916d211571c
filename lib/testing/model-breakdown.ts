// The plain model of a breakdown for the engines-agree property test: the seeded actions (the
// model's own list) summed per key in JavaScript, with each partnership's attributes and tags as
// PostgreSQL holds them now — no SQL grouping, no engine code.
import type { PrismaClient } from "../generated/prisma/client";
import { NONE_KEY, type Breakdown } from "../stats/breakdown/breakdown";
import type { InstantRange } from "../stats/timeframe/resolve-timeframe";
import type { SeededProgram } from "./seed-random-world";

/** Each model action's keys under a breakdown (a partnership with two tags: two keys). */
export async function breakdownKeysOf(
  prisma: PrismaClient,
  s: SeededProgram,
  by: Breakdown,
): Promise<(a: SeededProgram["actions"][number]) => string[]> {
  const programId = s.program.id;
  const partnerships = new Map(
    (
      await prisma.partnership.findMany({
        where: { programId },
        include: { tags: { select: { tagId: true } } },
      })
    ).map((p) => [p.id, p]),
  );
  const types = new Map(
    (await prisma.actionType.findMany({ where: { programId } })).map((t) => [t.id, t.name]),
  );
  const keysOf = (a: SeededProgram["actions"][number]): string[] => {
    const p = partnerships.get(a.partnershipId)!;
    switch (by.kind) {
      case "type":
        return [types.get(a.typeId)!];
      case "group":
        return [String(p.groupId)];
      case "manager":
        return [p.managerUserId === null ? NONE_KEY : String(p.managerUserId)];
      case "marketplace":
        return [p.isMarketplace ? "yes" : "no"];
      case "partner":
        return [p.partnerKey];
      case "tag":
        return p.tags.length ? p.tags.map((t) => String(t.tagId)) : [NONE_KEY];
      case "property": {
        const value = a.properties[by.key];
        return [value === undefined || String(value) === "" ? NONE_KEY : String(value)];
      }
    }
  };
  return keysOf;
}

export async function modelBreakdown(
  prisma: PrismaClient,
  s: SeededProgram,
  by: Breakdown,
  range: InstantRange,
): Promise<{ key: string; occurrences: number; rewardCents: number }[]> {
  const keysOf = await breakdownKeysOf(prisma, s, by);
  const sums = new Map<string, { key: string; occurrences: number; rewardCents: number }>();
  for (const a of s.actions) {
    if (a.archived) continue;
    if (range.start !== null && a.occurredAt < range.start) continue;
    if (range.end !== null && a.occurredAt >= range.end) continue;
    for (const key of keysOf(a)) {
      const sum = sums.get(key) ?? { key, occurrences: 0, rewardCents: 0 };
      sum.occurrences += 1;
      sum.rewardCents += a.rewardCents;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
