import "server-only";
import { logger } from "../observability/logger.mjs";
import { checkAlert, type CheckContext } from "./check-alert";
import { claimAlert, CHECKING_LEASE_MS } from "./claim-alert";

/** A check that failed (the analytics engine away, say) is tried again after this long. */
const RETRY_AFTER_MS = 5 * 60_000;

/**
 * Checks every alert due at `now` (at most `limit`), one at a time; safe in several processes at
 * once. Returns how many fired or recovered. A failing check keeps its due time and is tried
 * again later; one whose process died is taken over when its lease runs out.
 */
export async function checkDueAlerts(
  /** `leaseMs`: how long a check is held before another process may take it over (it died). */
  ctx: CheckContext & { leaseMs?: number },
  now: () => Date,
  limit = 20,
  signal?: AbortSignal,
): Promise<number> {
  const { prisma } = ctx.db;
  let told = 0;
  for (let i = 0; i < limit && !signal?.aborted; i++) {
    const claimed = await claimAlert(prisma, now(), ctx.leaseMs ?? CHECKING_LEASE_MS);
    if (!claimed) break;
    try {
      if ((await checkAlert(ctx, claimed, now())) === "fired") told++;
    } catch (error) {
      logger().warn(
        { alert: claimed.id, program: claimed.programId, err: error },
        "Alert check failed; tried again later",
      );
      await prisma.alert.updateMany({
        where: { programId: claimed.programId, id: claimed.id, nextCheckAt: claimed.nextCheckAt },
        data: {
          checkingUntil: new Date(now().getTime() + RETRY_AFTER_MS),
          checkError: `${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
        },
      });
    }
  }
  return told;
}
