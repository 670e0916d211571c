import "server-only";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A partnership's tag names as the source gives them: trimmed, once each, sorted. */
export const wantedTags = (names: string[]) =>
  [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort();

/** Is `next` a different set of names than `current`? */
export function sameTags(current: ReadonlySet<string>, next: readonly string[]) {
  return current.size === next.length && next.every((name) => current.has(name));
}

/**
 * Writes a page's tag changes: every name the page's rows asked for exists afterwards (as when
 * each row created its own), and each partnership's tags go from `before` to `after` by one
 * DELETE of the names it lost and one INSERT of those it gained.
 */
export async function writePageTags(
  tx: Tx,
  programId: number,
  named: ReadonlySet<string>,
  changes: { partnershipId: number; before: ReadonlySet<string>; after: ReadonlySet<string> }[],
) {
  if (named.size === 0 && changes.length === 0) return;
  const names = [...named].sort();
  await tx.$executeRaw`
    INSERT INTO tags (program_id, name)
    SELECT ${programId}, u.name FROM unnest(${names}::text[]) AS u(name)
    ON CONFLICT (program_id, name) DO NOTHING`;
  const lost = changes.flatMap((c) =>
    [...c.before].filter((n) => !c.after.has(n)).map((name) => ({ id: c.partnershipId, name })),
  );
  const gained = changes.flatMap((c) =>
    [...c.after].filter((n) => !c.before.has(n)).map((name) => ({ id: c.partnershipId, name })),
  );
  if (lost.length > 0) {
    await tx.$executeRaw`
      DELETE FROM partnership_tags pt
      USING unnest(${lost.map((l) => l.id)}::int[], ${lost.map((l) => l.name)}::text[])
              AS u(partnership_id, name),
            tags t
      WHERE pt.program_id = ${programId} AND t.program_id = ${programId}
        AND t.name = u.name AND pt.tag_id = t.id AND pt.partnership_id = u.partnership_id`;
  }
  if (gained.length > 0) {
    await tx.$executeRaw`
      INSERT INTO partnership_tags (program_id, partnership_id, tag_id)
      SELECT ${programId}, u.partnership_id, t.id
      FROM unnest(${gained.map((g) => g.id)}::int[], ${gained.map((g) => g.name)}::text[])
             AS u(partnership_id, name)
      JOIN tags t ON t.program_id = ${programId} AND t.name = u.name
      ORDER BY u.partnership_id, t.id
      ON CONFLICT DO NOTHING`;
  }
}
