// Next.js calls register() once when a server process starts: with ANALYTICS_URL set, the
// analytics copy is opened (and filled when new) and its outbox worker starts now, not at the
// first visit of the Actions tab, so ingested actions are copied whether anyone looks or not.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.ANALYTICS_URL?.trim()) return;
  const { getAnalytics } = await import("./lib/analytics/get-tab-engine");
  const { getDatabase } = await import("./lib/db/client");
  getDatabase()
    .then(getAnalytics)
    .catch((error: unknown) => {
      console.error(
        `Analytics copy unavailable: ${error instanceof Error ? error.message : error}`,
      );
    });
}
