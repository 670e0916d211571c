import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Prisma } from "../generated/prisma/client";
import { lockProgramSlugs } from "./lock-program-slugs";
import type { ProgramInput } from "./program-input";

/** The group a new program starts with; partnerships that name none go here. */
export const DEFAULT_GROUP = { key: "default", name: "Default", slug: "default" };

/**
 * Inserts a program, its first owner and its default group inside the caller's transaction;
 * null when the slug is another program's old slug (its old links must keep leading there). A
 * slug in use is the unique index's refusal (P2002). With `actor`, the creation is the program's
 * first audit entry.
 */
export async function insertProgram(
  tx: Prisma.TransactionClient,
  input: ProgramInput,
  ownerUserId: number,
  actor?: AuditActor,
): Promise<{ id: number; slug: string } | null> {
  await lockProgramSlugs(tx);
  const redirects = await tx.programSlugRedirect.count({ where: { oldSlug: input.slug } });
  if (redirects > 0) return null;
  const program = await tx.program.create({
    data: {
      slug: input.slug,
      name: input.name,
      timezone: input.timezone,
      currency: input.currency,
    },
    select: { id: true, slug: true },
  });
  await tx.membership.create({
    data: { programId: program.id, userId: ownerUserId, role: "owner" },
  });
  await tx.group.create({ data: { programId: program.id, ...DEFAULT_GROUP } });
  if (actor) {
    await recordAudit(tx, {
      programId: program.id,
      actor,
      kind: "program.created",
      summary: `Created the program ${input.name} (${input.slug})`,
      details: { slug: input.slug, timezone: input.timezone, currency: input.currency },
    });
  }
  return program;
}
