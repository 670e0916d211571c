import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { slugOf } from "./page-groups";
import type { SourceGroup } from "./source-records";

type Tx = Prisma.TransactionClient;

/** Groups by key: new ones created, renamed ones renamed; returns how many changed. */
export async function storeGroups(tx: Tx, programId: number, groups: SourceGroup[]) {
  let stored = 0;
  for (const group of groups) {
    const slug = group.slug ?? slugOf(group.name);
    const current = await tx.group.findUnique({
      where: { programId_key: { programId, key: group.key } },
    });
    if (current && current.name === group.name && current.slug === slug) continue;
    await tx.group.upsert({
      where: { programId_key: { programId, key: group.key } },
      create: { programId, key: group.key, name: group.name, slug },
      update: { name: group.name, slug },
    });
    stored++;
  }
  return { stored, skipped: 0 };
}
