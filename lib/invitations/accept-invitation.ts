import "server-only";
import { accountInput } from "../accounts/create-account";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../security/password";
import type { PrismaClient } from "../generated/prisma/client";
import { assignPendingManagers } from "./assign-pending-managers";
import { readInvitation } from "./read-invitation";

/** Who takes the invitation: a new person (name, password), or the signed-in account. */
export type Joiner =
  | { kind: "new"; name: unknown; password: unknown }
  | { kind: "user"; user: { id: number; email: string; name: string } };

export type AcceptResult =
  | { ok: true; slug: string; email: string; userId: number }
  | { ok: false; field?: "name" | "password" | "token"; message: string };

/**
 * Joins the program an invitation names. The invitation is taken by one conditional UPDATE (open,
 * unexpired, this link's nonce) in the same transaction as the account and membership, so a link
 * works once even when opened twice at the same moment. A signed-in account must be the invited
 * address; a new person gets an account with a strong password.
 */
export async function acceptInvitation(
  prisma: PrismaClient,
  token: unknown,
  joiner: Joiner,
  now = new Date(),
): Promise<AcceptResult> {
  const state = await readInvitation(prisma, token, now);
  if (!state.ok) return { ok: false, field: "token", message: state.reason };
  const { invitation, program } = state;

  let account: { name: string; passwordHash: string } | null = null;
  if (joiner.kind === "user") {
    if (joiner.user.email !== invitation.email) {
      return {
        ok: false,
        field: "token",
        message: `This invitation is for ${invitation.email}, and you are signed in as ${joiner.user.email}. Sign out, then open the link again.`,
      };
    }
  } else {
    if (state.accountExists) {
      return {
        ok: false,
        field: "token",
        message: `${invitation.email} has an account: sign in to join.`,
      };
    }
    const parsed = accountInput.safeParse({
      name: joiner.name,
      email: invitation.email,
      password: joiner.password,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        field: issue.path[0] === "name" ? "name" : "password",
        message: issue.message,
      };
    }
    account = { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) };
  }

  try {
    return await prisma.$transaction(async (tx) => {
      const user =
        joiner.kind === "user"
          ? joiner.user
          : await tx.user.create({
              data: {
                email: invitation.email,
                name: account!.name,
                passwordHash: account!.passwordHash,
              },
              select: { id: true, email: true, name: true },
            });
      const taken = await tx.invitation.updateMany({
        where: {
          programId: invitation.programId,
          id: invitation.id,
          nonceHash: invitation.nonceHash,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
        },
        data: { acceptedAt: now, acceptedUserId: user.id },
      });
      if (taken.count === 0) throw new InvitationTaken();
      await tx.membership.upsert({
        where: { programId_userId: { programId: invitation.programId, userId: user.id } },
        create: { programId: invitation.programId, userId: user.id, role: invitation.role },
        update: {},
      });
      const managed = await assignPendingManagers(tx, invitation.programId, user.id, user.email);
      await recordAudit(tx, {
        programId: invitation.programId,
        actor: user,
        kind: "invitations.accepted",
        summary: `${user.email} joined as ${invitation.role}`,
        details: {
          invitationId: invitation.id,
          role: invitation.role,
          partnershipsAssigned: managed,
        },
      });
      return { ok: true as const, slug: program.slug, email: user.email, userId: user.id };
    });
  } catch (error) {
    if (error instanceof InvitationTaken) {
      return {
        ok: false,
        field: "token",
        message: `This invitation to ${program.name} has been used already.`,
      };
    }
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        field: "token",
        message: `${invitation.email} has an account: sign in to join.`,
      };
    }
    throw error;
  }
}

class InvitationTaken extends Error {}
