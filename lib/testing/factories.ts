import { randomBytes } from "node:crypto";
import { hashPassword } from "../security/password";
import type { PrismaClient } from "../generated/prisma/client";

const unique = () => randomBytes(4).toString("hex");

export async function createUser(
  prisma: PrismaClient,
  overrides: { email?: string; name?: string; password?: string } = {},
) {
  const password = overrides.password ?? `pw-${unique()}`;
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `user-${unique()}@example.test`,
      name: overrides.name ?? "Test User",
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}

export async function createProgram(
  prisma: PrismaClient,
  overrides: { slug?: string; name?: string; timezone?: string; currency?: string } = {},
) {
  const suffix = unique();
  return prisma.program.create({
    data: {
      slug: overrides.slug ?? `program-${suffix}`,
      name: overrides.name ?? `Program ${suffix}`,
      timezone: overrides.timezone ?? "America/New_York",
      currency: overrides.currency ?? "USD",
    },
    // The columns every migration has had: tests of a migration seed an older schema with this.
    select: { id: true, slug: true, name: true, timezone: true, currency: true, createdAt: true },
  });
}

export async function addMember(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  role: "owner" | "manager" | "viewer" = "owner",
) {
  return prisma.membership.create({ data: { programId, userId, role } });
}

/** A new user with `role` in the program, shaped as the signed-in user server actions see. */
export async function createMember(
  prisma: PrismaClient,
  programId: number,
  role: "owner" | "manager" | "viewer",
) {
  const user = await createUser(prisma);
  await addMember(prisma, programId, user.id, role);
  return { id: user.id, email: user.email, name: user.name };
}
