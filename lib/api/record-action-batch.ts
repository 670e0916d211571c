import "server-only";
import type { FieldError } from "../errors/domain-error";
import type { OpenDatabase } from "../db/open";
import { ingestActions } from "../ingest/ingest-actions";
import type { IngestProgram, PreparedAction } from "../ingest/ingest-types";
import { prepareAction } from "../ingest/prepare-action";
import { apiErrorOf } from "./api-error";
import { unknownFieldWarnings, zodFieldErrors } from "./parse-input";
import { createActionSchema, type ActionOutput } from "../schemas/actions";
import type { FieldWarning } from "../schemas/common";

type BatchResult = { index: number; warnings?: FieldWarning[] } & (
  | { status: 200; replayed: boolean; data: ActionOutput }
  | { status: number; message: string; errors?: FieldError[] }
);

/**
 * The API's batch: records a batch with set-based statements in one transaction
 * (`ingestActions`). Each record still succeeds or fails on its own, as if recorded one after
 * another, with the status a single request would get: an invalid record is refused alone, and
 * results come back in request order. A record's unknown fields are ignored and listed in its
 * result's `warnings` (`actions.<index>.<name>`).
 */
export async function recordActionBatch(
  db: Pick<OpenDatabase, "transaction" | "sql">,
  program: IngestProgram,
  records: unknown[],
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  const warnings = records.map((record, index) =>
    unknownFieldWarnings(createActionSchema, record, `actions.${index}`),
  );
  const valid: { index: number; action: PreparedAction }[] = [];
  for (const [index, record] of records.entries()) {
    const parsed = createActionSchema.safeParse(record);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error, record, `actions.${index}`);
      results[index] = { index, status: 422, message: "Invalid action", errors };
      continue;
    }
    const sentOccurredAt = typeof record === "object" && record !== null && "occurred_at" in record;
    valid.push({ index, action: prepareAction(parsed.data, { sentOccurredAt }) });
  }
  const outcomes = await ingestActions(
    db,
    program,
    valid.map((v) => v.action),
  );
  for (const [i, outcome] of outcomes.entries()) {
    const { index } = valid[i];
    if (outcome.ok) {
      results[index] = { index, status: 200, replayed: outcome.replayed, data: outcome.action };
    } else {
      const { status, message, errors } = apiErrorOf(outcome.error);
      results[index] = { index, status, message, errors };
    }
  }
  return results.map((result, index) =>
    warnings[index].length > 0 ? { ...result, warnings: warnings[index] } : result,
  );
}
