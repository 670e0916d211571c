import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { ProgramInput } from "./program-input";

/** The group a new program starts with; partnerships that name none go here. */
export const DEFAULT_GROUP = { key: "default", name: "Default", slug: "default" };

export type CreateProgramResult =
  | { ok: true; program: { id: number; slug: string } }
  | { ok: false; field: "slug" | "owner"; message: string };

/**
 * A program with its first owner and its default group, in one transaction. A slug taken already
 * is a refusal naming the field (the unique index decides, not a check before the insert).
 */
export async function createProgram(
  prisma: PrismaClient,
  input: ProgramInput,
  ownerUserId: number,
): Promise<CreateProgramResult> {
  try {
    return await prisma.$transaction(async (tx) => {
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
      return { ok: true as const, program };
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2002") {
      return {
        ok: false,
        field: "slug",
        message: `the slug "${input.slug}" is taken; choose another`,
      };
    }
    if (code === "P2003") return { ok: false, field: "owner", message: "no such user" };
    throw error;
  }
}
