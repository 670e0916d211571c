import "server-only";
import type { AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { insertProgram } from "./insert-program";
import type { ProgramInput } from "./program-input";

export { DEFAULT_GROUP } from "./insert-program";

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
      const program = await insertProgram(tx, input, ownerUserId, actor);
      return program ? { ok: true as const, program } : taken;
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2002") return taken;
    if (code === "P2003") return { ok: false, field: "owner", message: "no such user" };
    throw error;
  }
}
