import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { lockProgramSlugs } from "./lock-program-slugs";
import type { ProgramInput } from "./program-input";

/** The group a new program starts with; partnerships that name none go here. */
export const DEFAULT_GROUP = { key: "default", name: "Default", slug: "default" };

export type CreateProgramResult =
  | { ok: true; program: { id: number; slug: string } }
  | { ok: false; field: "slug" | "owner"; message: string };

/**
 * A program with its first owner and its default group, in one transaction. A slug taken already
 * is a refusal naming the field (the unique index decides, not a check before the insert), and so
 * is another program's old slug (its old links must keep leading to it). With `actor`, the
 * creation is the program's first audit entry.
 */
export async function createProgram(
  prisma: PrismaClient,
  input: ProgramInput,
  ownerUserId: number,
  actor?: AuditActor,
): Promise<CreateProgramResult> {
  const taken = {
    ok: false as const,
    field: "slug" as const,
    message: `the slug "${input.slug}" is taken; choose another`,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      await lockProgramSlugs(tx);
      const redirects = await tx.programSlugRedirect.count({ where: { oldSlug: input.slug } });
      if (redirects > 0) return taken;
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
      return { ok: true as const, program };
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2002") return taken;
    if (code === "P2003") return { ok: false, field: "owner", message: "no such user" };
    throw error;
  }
}
