import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourcePartnership } from "./source-records";

type Tx = Prisma.TransactionClient;
export type GroupRef = SourcePartnership["group"];

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "group";

interface KnownGroup {
  /** The stored id, or a negative stand-in for a group this page creates. */
  id: number;
  key: string;
  name: string;
  slug: string;
}

/** A reference's parts, trimmed, empty as absent. */
function partsOf(ref: GroupRef) {
  return {
    key: ref?.key?.trim() || null,
    slug: ref?.slug?.trim() || null,
    name: ref?.name?.trim() || null,
  };
}

/**
 * The groups a page of partnerships names, read once: `resolve` answers as a lookup per row would
 * (by key, else slug, else name — webhook payloads carry only id, name and slug — the oldest group
 * matching; none named: "default"), a group not seen yet is made up in memory under a negative
 * id, and `create` stores those in one statement and says which id each stand-in became.
 */
export async function loadPageGroups(tx: Tx, programId: number, refs: GroupRef[]) {
  const keys = new Set<string>(["default"]);
  const slugs = new Set<string>();
  const names = new Set<string>();
  for (const ref of refs) {
    const { key, slug, name } = partsOf(ref);
    if (key) keys.add(key);
    if (slug) {
      slugs.add(slug);
      keys.add(slug);
    }
    if (name) {
      names.add(name);
      keys.add(slugOf(name));
    }
  }
  // Every group a lookup by any of these could find, oldest first, as the lookup orders them.
  const known: KnownGroup[] =
    refs.length === 0
      ? []
      : await tx.$queryRaw<KnownGroup[]>`
    SELECT id, key, name, slug FROM groups
    WHERE program_id = ${programId}
      AND (key = ANY(${[...keys]}::text[]) OR slug = ANY(${[...slugs]}::text[])
           OR name = ANY(${[...names]}::text[]))
    ORDER BY id`;
  const made: KnownGroup[] = [];

  function resolve(ref: GroupRef): number {
    const { key, slug, name } = partsOf(ref);
    const matches = (g: KnownGroup) =>
      (key !== null && g.key === key) ||
      (slug !== null && (g.slug === slug || g.key === slug)) ||
      (name !== null && g.name === name) ||
      (!key && !slug && !name && g.key === "default");
    const found = known.find(matches) ?? made.find(matches);
    if (found) return found.id;
    const newKey = key ?? slug ?? (name ? slugOf(name) : "default");
    const same = (g: KnownGroup) => g.key === newKey;
    const existing = known.find(same) ?? made.find(same);
    if (existing) return existing.id;
    const group = {
      id: -(made.length + 1),
      key: newKey,
      name: name ?? (newKey === "default" ? "Default" : newKey),
      slug: slug ?? slugOf(name ?? newKey),
    };
    made.push(group);
    return group.id;
  }

  /** Stores the groups `resolve` made up; returns stand-in id → stored id. */
  async function create(): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    if (made.length === 0) return ids;
    await tx.$executeRaw`
      INSERT INTO groups (program_id, key, name, slug)
      SELECT ${programId}, u.key, u.name, u.slug
      FROM unnest(${made.map((g) => g.key)}::text[], ${made.map((g) => g.name)}::text[],
                  ${made.map((g) => g.slug)}::text[]) WITH ORDINALITY AS u(key, name, slug, ord)
      ORDER BY u.ord
      ON CONFLICT (program_id, key) DO NOTHING`;
    const stored = await tx.$queryRaw<{ id: number; key: string }[]>`
      SELECT id, key FROM groups
      WHERE program_id = ${programId} AND key = ANY(${made.map((g) => g.key)}::text[])`;
    const byKey = new Map(stored.map((g) => [g.key, g.id]));
    for (const group of made) ids.set(group.id, byKey.get(group.key)!);
    return ids;
  }

  return { resolve, create };
}
