import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { ClaimedDelivery } from "./claim-delivery";

export type DeliveryOutcome =
  | { ok: true; recipients: string[]; fileName: string; fileBytes: number }
  | {
      ok: false;
      error: string;
      /** Retrying cannot help (no SMTP configured, file too large, nobody left to send to). */
      permanent?: boolean;
      /** Recipients reached before the failure: a retry skips them. */
      recipients?: string[];
      fileName?: string;
      fileBytes?: number;
    };

/**
 * Records an attempt's outcome: sent; or retrying after the next delay; or failed after the last
 * (the Deliveries page shows it). Only the attempt that holds the delivery may write.
 */
export async function finishDelivery(
  prisma: PrismaClient,
  claimed: ClaimedDelivery,
  outcome: DeliveryOutcome,
  now: Date,
  retryDelaysMs: readonly number[],
): Promise<"sent" | "retrying" | "failed"> {
  const held = {
    programId: claimed.programId,
    id: claimed.id,
    status: "sending" as const,
    attempts: claimed.attempts,
  };
  if (outcome.ok) {
    await prisma.delivery.updateMany({
      where: held,
      data: {
        status: "sent",
        sentAt: now,
        lockedUntil: null,
        error: null,
        recipients: outcome.recipients,
        fileName: outcome.fileName,
        fileBytes: outcome.fileBytes,
      },
    });
    return "sent";
  }
  const delay = retryDelaysMs[claimed.attempts - 1];
  const status = outcome.permanent || delay === undefined ? "failed" : "retrying";
  await prisma.delivery.updateMany({
    where: held,
    data: {
      status,
      lockedUntil: null,
      error: outcome.error,
      ...(outcome.recipients && { recipients: outcome.recipients }),
      ...(outcome.fileName && { fileName: outcome.fileName, fileBytes: outcome.fileBytes }),
      ...(status === "retrying" && { nextAttemptAt: new Date(now.getTime() + delay!) }),
    },
  });
  return status;
}
