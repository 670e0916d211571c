import type { withApiKey } from "../api/with-api-key";
import { metrics } from "./metrics.mjs";

/** The handler `withApiKey` takes for a route without path parameters. */
type ApiHandler = Parameters<typeof withApiKey<Record<string, never>>>[0];

type Outcome = "recorded" | "replayed" | "refused";

const count = (endpoint: "single" | "batch", outcome: Outcome, n = 1) => {
  if (n > 0) metrics().apiActions.inc({ endpoint, outcome }, n);
};

/**
 * Counts the action a `POST /api/v2/actions` handler was sent, for /metrics: recorded (200),
 * replayed (200 with `Idempotent-Replayed`: its key was stored already) or refused (any other
 * answer, or whatever the handler threw: invalid, conflict, limit). Wraps the handler, so the
 * route's own code stays as it is.
 */
export function countingActions(handler: ApiHandler): ApiHandler {
  return async (context) => {
    let response: Response;
    try {
      response = await handler(context);
    } catch (error) {
      count("single", "refused");
      throw error;
    }
    if (response.status !== 200) count("single", "refused");
    else if (response.headers.has("idempotent-replayed")) count("single", "replayed");
    else count("single", "recorded");
    return response;
  };
}

/** Counts a batch's records for /metrics by their results (200: recorded or replayed). */
export function countBatchResults(results: ({ status: number } & { replayed?: boolean })[]) {
  const replayed = results.filter((r) => r.status === 200 && r.replayed).length;
  const recorded = results.filter((r) => r.status === 200).length - replayed;
  count("batch", "recorded", recorded);
  count("batch", "replayed", replayed);
  count("batch", "refused", results.length - recorded - replayed);
}
