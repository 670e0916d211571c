import "server-only";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { readInvitationToken } from "./invitation-link";

export type InvitationState =
  | {
      ok: true;
      invitation: { programId: number; id: number; email: string; role: Role; nonceHash: string };
      program: { name: string; slug: string };
      /** Whether the invited address has an account (then: sign in and join). */
      accountExists: boolean;
    }
  | { ok: false; reason: string };

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** Whether an invitation link can still be used, and what it offers; else why not, in words. */
export async function readInvitation(
  prisma: PrismaClient,
  token: unknown,
  now = new Date(),
): Promise<InvitationState> {
  const invalid = {
    ok: false,
    reason:
      "This invitation link is not valid. Check that you opened the whole link from the email.",
  } as const;
  const named = readInvitationToken(token);
  if (!named) return invalid;
  const row = await prisma.invitation.findUnique({
    where: { programId_id: { programId: named.programId, id: named.invitationId } },
    select: {
      programId: true,
      id: true,
      email: true,
      role: true,
      nonceHash: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      program: { select: { name: true, slug: true } },
    },
  });
  if (!row) return invalid;
  if (row.acceptedAt) {
    return {
      ok: false,
      reason: `This invitation to ${row.program.name} has been used already. Sign in to open it.`,
    };
  }
  if (row.revokedAt) {
    return {
      ok: false,
      reason: `This invitation to ${row.program.name} was withdrawn. Ask an owner of the program to invite you again.`,
    };
  }
  if (row.nonceHash !== named.nonceHash) {
    return {
      ok: false,
      reason: `A newer invitation to ${row.program.name} replaced this link: use the most recent email.`,
    };
  }
  if (row.expiresAt <= now) {
    return {
      ok: false,
      reason: `This invitation to ${row.program.name} expired on ${dateOf(row.expiresAt)} (invitations work for 7 days). Ask an owner to send a new one.`,
    };
  }
  const account = await prisma.user.findUnique({
    where: { email: row.email },
    select: { id: true },
  });
  return {
    ok: true,
    invitation: {
      programId: row.programId,
      id: row.id,
      email: row.email,
      role: row.role,
      nonceHash: row.nonceHash,
    },
    program: row.program,
    accountExists: account !== null,
  };
}
