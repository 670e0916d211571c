import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { seal, unseal } from "../security/sealed-secret";
import {
  partnerStackClient,
  type ClientOptions,
  type PartnerStackKeys,
} from "./partnerstack-client";

export interface ConnectionInput extends PartnerStackKeys {
  baseUrl: string;
}

/** What the settings page shows of a connection: never the secret key. */
export interface ConnectionSummary {
  baseUrl: string;
  publicKey: string;
  createdAt: Date;
  syncedAt: Date | null;
  syncError: string | null;
}

/**
 * Saves the program's connection after one list call proved the keys (a PartnerStackError names
 * what the source said otherwise). The secret key is sealed; the webhook secret is made once and
 * kept across reconnections, so a webhook already registered at PartnerStack keeps working.
 * The audit entry names the source's address only, never a key.
 */
export async function saveConnection(
  prisma: PrismaClient,
  programId: number,
  input: ConnectionInput,
  actor: AuditActor,
  options: ClientOptions = {},
) {
  const sealedSecret = seal(input.secretKey);
  await partnerStackClient(input.baseUrl, input, { retries: 1, ...options }).check();
  const fields = {
    baseUrl: input.baseUrl,
    publicKey: input.publicKey,
    secretKeySealed: sealedSecret,
    connectedBy: "id" in actor ? actor.id : null,
    syncError: null,
  };
  await prisma.$transaction(async (tx) => {
    const before = await tx.partnerStackConnection.findUnique({
      where: { programId },
      select: { baseUrl: true },
    });
    await tx.partnerStackConnection.upsert({
      where: { programId },
      create: {
        programId,
        ...fields,
        webhookSecretSealed: seal(randomBytes(24).toString("base64url")),
      },
      update: fields,
    });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "partnerstack.connected",
      summary: before
        ? `Reconnected PartnerStack (${input.baseUrl}) with new keys`
        : `Connected PartnerStack (${input.baseUrl})`,
      details: { baseUrl: input.baseUrl, ...(before && { previousBaseUrl: before.baseUrl }) },
    });
  });
}

export async function getConnectionSummary(
  prisma: PrismaClient,
  programId: number,
): Promise<ConnectionSummary | null> {
  return prisma.partnerStackConnection.findUnique({
    where: { programId },
    select: { baseUrl: true, publicKey: true, createdAt: true, syncedAt: true, syncError: true },
  });
}

/** The connection with its secrets opened (needs ACTIONBOARD_ENCRYPTION_KEY), or null. */
export async function openConnection(prisma: PrismaClient, programId: number) {
  const row = await prisma.partnerStackConnection.findUnique({ where: { programId } });
  if (!row) return null;
  return {
    baseUrl: row.baseUrl,
    keys: { publicKey: row.publicKey, secretKey: unseal(row.secretKeySealed) },
    webhookSecret: unseal(row.webhookSecretSealed),
  };
}

export const DISCONNECTED = "Stopped: the program was disconnected from PartnerStack.";

/**
 * Deletes the keys and the webhook secret; an import under way stops at its next page. Writes
 * its audit entry when there was a connection to delete.
 */
export async function deleteConnection(prisma: PrismaClient, programId: number, actor: AuditActor) {
  await prisma.$transaction(async (tx) => {
    const connection = await tx.partnerStackConnection.findUnique({
      where: { programId },
      select: { baseUrl: true },
    });
    const stopped = await tx.partnerStackImport.updateMany({
      where: { programId, status: "running" },
      data: { status: "failed", error: DISCONNECTED, lockedUntil: null },
    });
    const { count } = await tx.partnerStackConnection.deleteMany({ where: { programId } });
    // Two disconnections at once: the second deletes nothing and records nothing.
    if (!connection || count === 0) return;
    await recordAudit(tx, {
      programId,
      actor,
      kind: "partnerstack.disconnected",
      summary: `Disconnected PartnerStack (${connection.baseUrl})`,
      details: { baseUrl: connection.baseUrl, stoppedImports: stopped.count },
    });
  });
}
