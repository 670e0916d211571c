import { Prisma } from "../generated/prisma/client";

/** True for a unique-constraint violation (a concurrent create with the same key). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const text = String((error as Error)?.message ?? "");
  return /unique constraint|duplicate key/i.test(text);
}
