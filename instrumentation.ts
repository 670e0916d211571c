// Next.js calls register() once when a server process starts. A bad setting stops it here, naming
// the variable (scripts/start-server.mjs refuses earlier; this covers `next dev` and `next start`).
// It starts the delivery scheduler (scheduled saved views; DELIVERY_SCHEDULER=off leaves it to
// other processes), the PartnerStack worker (imports asked for in the UI, the incremental pull;
// PARTNERSTACK_WORKER=off) and, with ANALYTICS_URL set, opens the analytics copy (filled when new)
// and its outbox worker now, not at the first visit of the Actions tab, so ingested actions are
// copied whether anyone looks or not. It also tells /metrics how to read the database-wide gauges
// (for METRICS_PORT, served by scripts/start-server.mjs outside Next's bundles).
export async function register() {
  // Inlined by Next at build time, so the edge bundle leaves out the imports below.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { configAtStart } = await import("./lib/config/config.mjs");
  const settings = configAtStart();
  const { getDatabase } = await import("./lib/db/client");
  const { logger, messageOf } = await import("./lib/observability/logger.mjs");
  const report = (what: string) => (error: unknown) =>
    logger().error({ err: error }, `${what}: ${messageOf(error)}`);

  const { setMetricsProbe } = await import("./lib/observability/metrics.mjs");
  const { probeDatabase } = await import("./lib/observability/probe-database");
  setMetricsProbe(() => getDatabase().then(probeDatabase));

  // The ingestion endpoints' own handlers, for scripts/start-server.mjs to answer them before
  // Next's request handling (lib/api/direct-routes.mjs; DIRECT_INGESTION=off leaves them to Next).
  if (settings.DIRECT_INGESTION !== "off") {
    const { setDirectRoutes } = await import("./lib/api/direct-routes.mjs");
    const single = await import("./app/api/v2/actions/route");
    const batch = await import("./app/api/v2/actions/batch/route");
    setDirectRoutes({
      "POST /api/v2/actions": single.POST,
      "POST /api/v2/actions/batch": batch.POST,
    });
  }

  // No account yet: print the one-time setup link (only the server's log knows its token).
  const { announceSetup } = await import("./lib/setup/announce-setup");
  getDatabase()
    .then((db) => announceSetup(db.prisma))
    .catch(report("Could not check for first-run setup"));

  if (settings.DELIVERY_SCHEDULER !== "off") {
    const { deliveryContextFromEnv, startDeliveryScheduler } =
      await import("./lib/deliveries/delivery-scheduler");
    getDatabase()
      .then(deliveryContextFromEnv)
      .then(startDeliveryScheduler)
      .catch(report("Delivery scheduler not started"));
  }
  if (settings.PARTNERSTACK_WORKER !== "off") {
    const { startPartnerStackWorker } = await import("./lib/partnerstack/partnerstack-worker");
    getDatabase().then(startPartnerStackWorker).catch(report("PartnerStack worker not started"));
  }
  if (settings.ANALYTICS_URL) {
    const { getAnalytics } = await import("./lib/stats/choose-engine");
    getDatabase().then(getAnalytics).catch(report("Analytics copy unavailable"));
  }
}
