import { metrics } from "./metrics.mjs";

type Outcome = "recorded" | "replayed" | "refused";

const count = (endpoint: "single" | "batch", outcome: Outcome, n = 1) => {
  if (n > 0) metrics().apiActions.inc({ endpoint, outcome }, n);
};

/**
 * Counts one action sent to `POST /api/v2/actions` for /metrics: recorded, replayed (its key was
 * stored already), or refused (whatever `record` threw: invalid, conflict, limit).
 */
export async function countApiActions<T extends { replayed: boolean }>(
  endpoint: "single",
  record: () => Promise<T>,
): Promise<T> {
  try {
    const result = await record();
    count(endpoint, result.replayed ? "replayed" : "recorded");
    return result;
  } catch (error) {
    count(endpoint, "refused");
    throw error;
  }
}

/** Counts a batch's records for /metrics by their results (200: recorded or replayed). */
export function countBatchResults(results: ({ status: number } & { replayed?: boolean })[]) {
  const replayed = results.filter((r) => r.status === 200 && r.replayed).length;
  const recorded = results.filter((r) => r.status === 200).length - replayed;
  count("batch", "recorded", recorded);
  count("batch", "replayed", replayed);
  count("batch", "refused", results.length - recorded - replayed);
}
