import "server-only";
import { ApiError } from "../api/api-error";
import { zodFieldErrors } from "../api/parse-input";
import { createActionSchema, type ActionOutput } from "../api/schemas/actions";
import { recordAction } from "./record-action";

export type BatchResult =
  | { index: number; status: 200; replayed: boolean; data: ActionOutput }
  | {
      index: number;
      status: number;
      message: string;
      errors?: { field: string; message: string }[];
    };

/**
 * Records each action on its own (its own transaction): one bad record fails alone. Results come
 * back in request order. Records run one after another so a batch cannot starve other writers.
 */
export async function recordActionBatch(
  program: { id: number; currency: string },
  records: unknown[],
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const [index, record] of records.entries()) {
    const parsed = createActionSchema.safeParse(record);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error, `actions.${index}`);
      results.push({ index, status: 422, message: "Invalid action", errors });
      continue;
    }
    try {
      const sentOccurredAt =
        typeof record === "object" && record !== null && "occurred_at" in record;
      const { action, replayed } = await recordAction(program, parsed.data, { sentOccurredAt });
      results.push({ index, status: 200, replayed, data: action });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.push({ index, status: error.status, message: error.message, errors: error.errors });
    }
  }
  return results;
}
