import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { DomainError } from "../errors/domain-error";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../security/password";
import { newShareToken } from "./share-link-path";

export interface NewShareLink {
  savedViewId: number;
  /** Asked of every visitor once per browser; empty: none. */
  password: string;
  /** The first instant the link no longer opens; null: until revoked. */
  expiresAt: Date | null;
  /** Origins whose pages may frame it (no password then); empty: none. */
  embedOrigins: string[];
}

/**
 * A read-only link to one of the program's saved views, with its audit entry. Refused: a view
 * the program does not have, a last day already over.
 */
export async function createShareLink(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor & { id: number },
  input: NewShareLink,
  now = new Date(),
): Promise<{ id: number; token: string }> {
  if (input.expiresAt && input.expiresAt <= now) {
    throw new DomainError("invalid", "The last day has passed: choose today or a later day.", [
      { field: "expires", message: "has passed" },
    ]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return prisma.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({
      where: { programId_id: { programId, id: input.savedViewId } },
      select: { name: true },
    });
    if (!view) {
      throw new DomainError("not_found", "No such saved view in this program.", [
        { field: "savedViewId", message: "names no saved view of this program" },
      ]);
    }
    const link = await tx.shareLink.create({
      data: {
        programId,
        savedViewId: input.savedViewId,
        token: newShareToken(),
        passwordHash,
        expiresAt: input.expiresAt,
        embedOrigins: input.embedOrigins,
        createdBy: actor.id,
      },
      select: { id: true, token: true },
    });
    const terms = [
      passwordHash ? "with a password" : "without a password",
      input.expiresAt ? `until ${input.expiresAt.toISOString()}` : "until revoked",
      ...(input.embedOrigins.length ? [`embeddable on ${input.embedOrigins.join(", ")}`] : []),
    ].join(", ");
    await recordAudit(tx, {
      programId,
      actor,
      kind: "share_links.created",
      summary: `Shared the saved view “${view.name}” by link, ${terms}`,
      details: {
        id: link.id,
        savedViewId: input.savedViewId,
        password: passwordHash !== null,
        expiresAt: input.expiresAt?.toISOString() ?? null,
        embedOrigins: input.embedOrigins,
      },
    });
    return link;
  });
}

/** Stops a link from opening at once; false when the program has no such link open. */
export async function revokeShareLink(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
  now = new Date(),
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({
      where: { programId, id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) return false;
    const link = await tx.shareLink.findUniqueOrThrow({
      where: { programId_id: { programId, id } },
      select: { savedView: { select: { name: true } } },
    });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "share_links.revoked",
      summary: `Revoked a share link of the saved view “${link.savedView.name}”`,
      details: { id },
    });
    return true;
  });
}
