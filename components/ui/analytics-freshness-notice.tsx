import type { AnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { formatDuration } from "@/lib/time/format";

/** Below this the copy counts as live: an ingested action is normally countable within 2 s. */
const STALE_AFTER_MS = 5_000;

/** Says how far the analytics copy trails the database, when it trails by more than a moment. */
export function AnalyticsFreshnessNotice({
  freshness,
  timezone,
}: {
  freshness: AnalyticsFreshness | null;
  timezone: string;
}) {
  if (!freshness) return null;
  if (freshness.unavailable) {
    return (
      <div
        role="alert"
        data-testid="analytics-unavailable"
        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
      >
        The analytics engine cannot be reached ({freshness.unavailable}), so these numbers cannot be
        shown right now. Actions sent meanwhile are stored and will be counted once it answers;
        reload in a moment.
      </div>
    );
  }
  if (freshness.lagMs < STALE_AFTER_MS && !freshness.error) return null;
  const since = freshness.oldestPendingAt?.toLocaleTimeString("en-US", {
    timeZone: timezone,
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  });
  return (
    <div
      role="status"
      data-testid="analytics-freshness"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      {freshness.lagMs >= STALE_AFTER_MS && since ? (
        <p>
          These numbers are {formatDuration(freshness.lagMs)} behind: changes received since {since}{" "}
          are still being copied to the analytics engine and are not counted yet.
        </p>
      ) : null}
      {freshness.error ? (
        <p>Copying to the analytics engine is failing and will be retried: {freshness.error}</p>
      ) : null}
    </div>
  );
}
