import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { ProgramInput } from "./program-input";

/** The group a new program starts with; partnerships that name none go here. */
export const DEFAULT_GROUP = { key: "default", name: "Default", slug: "default" };

/** Inserts a program, its first owner and its default group inside the caller's transaction. */
export async function insertProgram(
  tx: Prisma.TransactionClient,
  input: ProgramInput,
  ownerUserId: number,
): Promise<{ id: number; slug: string }> {
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
  return program;
}
