import "server-only";
import { checkDueAlerts } from "../alerts/check-due-alerts";
import { claimDelivery } from "./claim-delivery";
import { failAbandonedDeliveries } from "./fail-abandoned-deliveries";
import type { DeliveryContext } from "./delivery-context";
import { finishDelivery } from "./finish-delivery";
import { queueDueDeliveries } from "./queue-due-deliveries";
import { sendDelivery } from "./send-delivery";
import { metrics } from "../observability/metrics.mjs";
import { sealClearWebhookSecrets } from "./webhook-secret";
import { sealClearEmbedSecrets } from "../share-links/embed-secret-store";

export interface RunSummary {
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One pass of the scheduler at `now`: check the alerts that are due, queue what the schedules made due, then send deliveries
 * until none is due (at most `limit`), and drop webhook files whose links expired. Safe to run in
 * several processes at once. Once `signal` aborts (the process is stopping), the delivery being
 * sent is finished and recorded, and no other is claimed.
 */
export async function runDeliveries(
  ctx: DeliveryContext,
  now: () => Date,
  limit = 20,
  signal?: AbortSignal,
): Promise<RunSummary> {
  const { prisma } = ctx.db;
  await sealClearWebhookSecrets(prisma);
  await sealClearEmbedSecrets(prisma);
  // Alerts first: what a check finds is a delivery this same pass sends.
  await checkDueAlerts(ctx, now, limit, signal);
  const summary: RunSummary = {
    queued: await queueDueDeliveries(prisma, now()),
    sent: 0,
    retrying: 0,
    failed: 0,
  };
  // An attempt whose process died counts: after as many as retries allow, it is failed.
  const abandoned = await failAbandonedDeliveries(prisma, now(), ctx.retryDelaysMs.length + 1);
  summary.failed += abandoned;
  if (abandoned > 0) metrics().deliveries.inc({ outcome: "failed" }, abandoned);
  for (let i = 0; i < limit && !signal?.aborted; i++) {
    const claimed = await claimDelivery(prisma, now(), ctx.leaseMs);
    if (!claimed) break;
    const outcome = await sendDelivery(ctx, claimed, now());
    const finished = await finishDelivery(prisma, claimed, outcome, now(), ctx.retryDelaysMs);
    summary[finished]++;
    metrics().deliveries.inc({ outcome: finished });
  }
  if (signal?.aborted) return summary;
  await prisma.$executeRaw`DELETE FROM delivery_files
    WHERE program_id IN (SELECT id FROM programs) AND expires_at < ${now()}`;
  // The log keeps a year.
  await prisma.$executeRaw`DELETE FROM deliveries
    WHERE program_id IN (SELECT id FROM programs) AND status IN ('sent', 'failed')
      AND created_at < ${new Date(now().getTime() - 365 * 86_400_000)}`;
  return summary;
}
