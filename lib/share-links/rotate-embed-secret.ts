import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { storedEmbedSecret } from "./embed-secret-store";

/**
 * A new embed secret for the program (`emb_` + 32 random bytes, base64url; stored sealed when the
 * server has its encryption key): URLs signed with the previous one stop opening at once.
 * Returns the new secret.
 */
export async function rotateEmbedSecret(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor,
): Promise<string> {
  const secret = `emb_${randomBytes(32).toString("base64url")}`;
  await prisma.$transaction(async (tx) => {
    const before = await tx.program.findUniqueOrThrow({
      where: { id: programId },
      select: { embedSecret: true },
    });
    await tx.program.update({
      where: { id: programId },
      data: { embedSecret: storedEmbedSecret(secret) },
    });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "share_links.embed_secret_rotated",
      summary: before.embedSecret
        ? "Replaced the embed secret: URLs signed with the old one stopped opening"
        : "Created the embed secret",
      details: { replaced: before.embedSecret !== null },
    });
  });
  return secret;
}
