import "server-only";
import type { OpenDatabase } from "../db/open";
import { resolveAnalyticsTarget } from "../analytics/analytics-target";
import type { ClickHouse } from "../analytics/clickhouse";
import { getAnalytics } from "./choose-engine";

export type AnalyticsCopy = { copy: ClickHouse | null } | { unavailable: string };

/**
 * This process's ClickHouse copy, for changes that must reach it (a program's deletion): none
 * when no ANALYTICS_URL is set, else the copy, or why it cannot be reached right now.
 */
export async function getAnalyticsCopy(db: OpenDatabase): Promise<AnalyticsCopy> {
  let configured: boolean;
  try {
    configured = resolveAnalyticsTarget().engine !== "postgres";
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
  if (!configured) return { copy: null };
  const analytics = await getAnalytics(db);
  if (!analytics.copy) return { unavailable: analytics.unavailable ?? "not open" };
  return { copy: analytics.copy };
}
