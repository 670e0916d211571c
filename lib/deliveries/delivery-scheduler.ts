import "server-only";
import { startPollLoop, wakePollLoop } from "../background/poll-loop";
import { openTabSources } from "../stats/sources";
import type { OpenDatabase } from "../db/open";
import { LINK_TTL_MS, RETRY_DELAYS_MS, type DeliveryContext } from "./delivery-context";
import { deliverySecret } from "./delivery-secret";
import { privateWebhooksAllowed } from "../security/private-address";
import { runDeliveries } from "./run-deliveries";
import { mailSettingsFromEnv } from "../mail/mail-settings";

const DEFAULT_POLL_MS = 30_000;

/** DELIVERY_RETRY_SECONDS ("60,300,1800,7200"): the waits before each retry; else the default. */
function retryDelays(): readonly number[] {
  const text = process.env.DELIVERY_RETRY_SECONDS?.trim();
  if (!text) return RETRY_DELAYS_MS;
  const seconds = text.split(",").map((s) => Number(s.trim()));
  if (seconds.some((s) => !Number.isFinite(s) || s < 0)) {
    console.warn(`DELIVERY_RETRY_SECONDS=${text} is not a list of seconds: using the default.`);
    return RETRY_DELAYS_MS;
  }
  return seconds.map((s) => s * 1000);
}

/** The server's delivery settings, from its environment. */
export function deliveryContextFromEnv(db: OpenDatabase): DeliveryContext {
  // One SMTP transport and sender for the process: invitations and password resets use it too.
  const mail = mailSettingsFromEnv();
  return {
    db,
    sources: () => openTabSources(db),
    secret: deliverySecret(),
    baseUrl: process.env.NEXTAUTH_URL?.trim() || "http://127.0.0.1:3000",
    mailer: mail.mailer,
    mailFrom: mail.from,
    linkTtlMs: LINK_TTL_MS,
    retryDelaysMs: retryDelays(),
    leaseMs: Math.max(5, Number(process.env.DELIVERY_LEASE_SECONDS) || 600) * 1000,
    allowPrivateWebhooks: privateWebhooksAllowed(),
  };
}

const LOOP = "Deliveries";

/**
 * Runs the scheduler inside the server process: a pass every DELIVERY_POLL_SECONDS (30 s), at
 * once when woken, one pass at a time. The database holds all state, so a restart loses nothing
 * and several processes share the work.
 */
export function startDeliveryScheduler(ctx: DeliveryContext) {
  const pollMs = Number(process.env.DELIVERY_POLL_SECONDS) * 1000 || DEFAULT_POLL_MS;
  return startPollLoop(LOOP, pollMs, () => runDeliveries(ctx, () => new Date()));
}

/** Asks this process's scheduler for a pass now ("Send now"); a no-op where none runs. */
export function wakeDeliveryScheduler() {
  wakePollLoop(LOOP);
}
