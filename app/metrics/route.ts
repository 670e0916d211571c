// GET /metrics — this process's metrics in Prometheus's text format; only with METRICS_TOKEN set,
// sent as `Authorization: Bearer <token>` (METRICS_PORT serves them without it, on 127.0.0.1).
import { config } from "@/lib/config/config.mjs";
import { overDatabase } from "@/lib/db/over-database";
import { metricsText } from "@/lib/observability/metrics.mjs";
import { metricsRefusal } from "@/lib/observability/metrics-refusal";
import { probeDatabase } from "@/lib/observability/probe-database";

export const dynamic = "force-dynamic";

export const GET = overDatabase((database) => async (request: Request) => {
  const refusal = metricsRefusal(request.headers.get("authorization"), config().METRICS_TOKEN);
  if (refusal) {
    return Response.json(refusal, {
      status: refusal.status,
      headers: refusal.status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {},
    });
  }
  const { contentType, body } = await metricsText(() => database().then(probeDatabase));
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
});
