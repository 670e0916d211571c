import "server-only";
import { cache } from "react";
import type { PrismaClient } from "../generated/prisma/client";
import { canNameProgram } from "./can-name-program";

export interface ProgramAccess {
  program: { id: number; slug: string; name: string; timezone: string; currency: string };
  role: "owner" | "manager" | "viewer";
}

/**
 * Resolves a program slug for a user: the program and the user's role, "not_found", or
 * "forbidden" when the program exists but the user is not a member. Cached per request.
 */
export const getProgramAccess = cache(
  async (
    prisma: PrismaClient,
    userId: number,
    slug: string,
  ): Promise<ProgramAccess | "not_found" | "forbidden"> => {
    if (!canNameProgram(slug)) return "not_found";
    const program = await prisma.program.findUnique({
      where: { slug },
      select: { id: true, slug: true, name: true, timezone: true, currency: true },
    });
    if (!program) return "not_found";
    const membership = await prisma.membership.findUnique({
      where: { programId_userId: { programId: program.id, userId } },
      select: { role: true },
    });
    if (!membership) return "forbidden";
    return { program, role: membership.role };
  },
);
