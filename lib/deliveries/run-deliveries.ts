import "server-only";
import { claimDelivery } from "./claim-delivery";
import { failAbandonedDeliveries } from "./fail-abandoned-deliveries";
import type { DeliveryContext } from "./delivery-context";
import { finishDelivery } from "./finish-delivery";
import { queueDueDeliveries } from "./queue-due-deliveries";
import { sendDelivery } from "./send-delivery";
import { sealClearWebhookSecrets } from "./webhook-secret";

export interface RunSummary {
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One pass of the scheduler at `now`: queue what the schedules made due, then send deliveries
 * until none is due (at most `limit`), and drop webhook files whose links expired. Safe to run in
 * several processes at once.
 */
export async function runDeliveries(
  ctx: DeliveryContext,
  now: () => Date,
  limit = 20,
): Promise<RunSummary> {
  const { prisma } = ctx.db;
  await sealClearWebhookSecrets(prisma);
  const summary: RunSummary = {
    queued: await queueDueDeliveries(prisma, now()),
    sent: 0,
    retrying: 0,
    failed: 0,
  };
  // An attempt whose process died counts: after as many as retries allow, it is failed.
  summary.failed += await failAbandonedDeliveries(prisma, now(), ctx.retryDelaysMs.length + 1);
  for (let i = 0; i < limit; i++) {
    const claimed = await claimDelivery(prisma, now(), ctx.leaseMs);
    if (!claimed) break;
    const outcome = await sendDelivery(ctx, claimed, now());
    summary[await finishDelivery(prisma, claimed, outcome, now(), ctx.retryDelaysMs)]++;
  }
  await prisma.$executeRaw`DELETE FROM delivery_files
    WHERE program_id IN (SELECT id FROM programs) AND expires_at < ${now()}`;
  // The log keeps a year.
  await prisma.$executeRaw`DELETE FROM deliveries
    WHERE program_id IN (SELECT id FROM programs) AND status IN ('sent', 'failed')
      AND created_at < ${new Date(now().getTime() - 365 * 86_400_000)}`;
  return summary;
}
