import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourceGroup } from "./source-records";

type Tx = Prisma.TransactionClient;

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "group";

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

/**
 * The id of the group a partnership names (by key, else slug, else name — webhook payloads carry
 * only id, name and slug); a group not seen yet is created. No group at all: "default".
 */
export async function resolveGroupId(
  tx: Tx,
  programId: number,
  ref: { key?: string | null; slug?: string | null; name?: string | null } | null | undefined,
): Promise<number> {
  const key = ref?.key?.trim() || null;
  const slug = ref?.slug?.trim() || null;
  const name = ref?.name?.trim() || null;
  const found = await tx.group.findFirst({
    where: {
      programId,
      OR: [
        ...(key ? [{ key }] : []),
        ...(slug ? [{ slug }, { key: slug }] : []),
        ...(name ? [{ name }] : []),
        ...(!key && !slug && !name ? [{ key: "default" }] : []),
      ],
    },
    orderBy: { id: "asc" },
  });
  if (found) return found.id;
  const newKey = key ?? slug ?? (name ? slugOf(name) : "default");
  const created = await tx.group.upsert({
    where: { programId_key: { programId, key: newKey } },
    create: {
      programId,
      key: newKey,
      name: name ?? (newKey === "default" ? "Default" : newKey),
      slug: slug ?? slugOf(name ?? newKey),
    },
    update: {},
  });
  return created.id;
}
