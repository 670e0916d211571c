import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { z } from "zod";
import { NO_PASSWORD, verifyPassword } from "../security/password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

// Verifying against a fixed hash when the email is unknown, or its account has no password (made
// by single sign-on), keeps response time from revealing which emails have accounts.
const DUMMY_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(64).toString("base64");

export async function verifyCredentials(
  prisma: PrismaClient,
  input: unknown,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
  const hasPassword = user !== null && user.passwordHash !== NO_PASSWORD;
  const ok = await verifyPassword(
    parsed.data.password,
    hasPassword ? user.passwordHash : DUMMY_HASH,
  );
  if (!hasPassword || !ok) return null;
  return { id: String(user.id), email: user.email, name: user.name };
}
