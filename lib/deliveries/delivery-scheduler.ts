import "server-only";
import { startPollLoop, wakePollLoop } from "../background/poll-loop";
import { config } from "../config/config.mjs";
import { openTabSources } from "../stats/sources";
import type { OpenDatabase } from "../db/open";
import { LINK_TTL_MS, type DeliveryContext } from "./delivery-context";
import { deliverySecret } from "./delivery-secret";
import { privateWebhooksAllowed } from "../security/private-address";
import { runDeliveries } from "./run-deliveries";
import { mailSettingsFromEnv } from "../mail/mail-settings";

/** The server's delivery settings, from its environment. */
export function deliveryContextFromEnv(db: OpenDatabase): DeliveryContext {
  // One SMTP transport and sender for the process: invitations and password resets use it too.
  const mail = mailSettingsFromEnv();
  const settings = config();
  return {
    db,
    sources: () => openTabSources(db),
    secret: deliverySecret(),
    baseUrl: settings.NEXTAUTH_URL || "http://127.0.0.1:3000",
    mailer: mail.mailer,
    mailFrom: mail.from,
    linkTtlMs: LINK_TTL_MS,
    // DELIVERY_RETRY_SECONDS: the waits before each retry.
    retryDelaysMs: settings.DELIVERY_RETRY_SECONDS.map((s) => s * 1000),
    leaseMs: Math.max(5, settings.DELIVERY_LEASE_SECONDS) * 1000,
    allowPrivateWebhooks: privateWebhooksAllowed(),
  };
}

const LOOP = "Deliveries";

/**
 * Runs the scheduler inside the server process: a pass every DELIVERY_POLL_SECONDS (30 s), at
 * once when woken, one pass at a time. The database holds all state, so a restart loses nothing
 * and several processes share the work. At shutdown the delivery being sent is finished and no
 * other is claimed.
 */
export function startDeliveryScheduler(ctx: DeliveryContext) {
  const pollMs = config().DELIVERY_POLL_SECONDS * 1000;
  return startPollLoop(LOOP, pollMs, (signal) =>
    runDeliveries(ctx, () => new Date(), undefined, signal),
  );
}

/** Asks this process's scheduler for a pass now ("Send now"); a no-op where none runs. */
export function wakeDeliveryScheduler() {
  wakePollLoop(LOOP);
}
