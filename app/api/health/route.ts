// GET /api/health — liveness: the process answers (200). GET /api/health?ready — readiness: 200
// when this process should get traffic, else 503; the body names each check and what failed.
// Signed out (proxy.ts lets it through), not rate limited, no secrets in the answer.
import { isShuttingDown } from "@/lib/background/shutdown.mjs";
import { config } from "@/lib/config/config.mjs";
import { overDatabase } from "@/lib/db/over-database";
import { checkReadiness } from "@/lib/observability/check-readiness";
import { getAnalytics } from "@/lib/stats/choose-engine";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export const GET = overDatabase((database) => async (request: Request) => {
  if (!new URL(request.url).searchParams.has("ready")) {
    return Response.json({ status: "alive" }, { headers: NO_STORE });
  }
  const settings = config();
  const readiness = await checkReadiness({
    database,
    analytics: settings.ANALYTICS_URL ? getAnalytics : null,
    mailConfigured: Boolean(settings.SMTP_URL),
    shuttingDown: isShuttingDown(),
  });
  return Response.json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: NO_STORE,
  });
});
