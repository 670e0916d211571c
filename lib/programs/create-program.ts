import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { insertProgram } from "./insert-program";
import type { ProgramInput } from "./program-input";

export { DEFAULT_GROUP } from "./insert-program";

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
    return await prisma.$transaction(async (tx) => ({
      ok: true as const,
      program: await insertProgram(tx, input, ownerUserId),
    }));
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
