import "server-only";
import type { FieldError } from "../api/api-error";
import { unknownFieldWarnings, zodFieldErrors } from "../api/parse-input";
import { createActionSchema, type ActionOutput } from "../api/schemas/actions";
import type { FieldWarning } from "../api/schemas/common";
import type { PrismaClient } from "../generated/prisma/client";
import { ingestActions } from "./ingest-actions";
import type { IngestProgram, PreparedAction } from "./ingest-types";
import { prepareAction } from "./prepare-action";

type BatchResult = { index: number; warnings?: FieldWarning[] } & (
  | { status: 200; replayed: boolean; data: ActionOutput }
  | { status: number; message: string; errors?: FieldError[] }
);

/**
 * Records a batch with set-based statements in one transaction (`ingestActions`). Each record
 * still succeeds or fails on its own, as if recorded one after another: an invalid record is
 * refused alone, and results come back in request order. A record's unknown fields are ignored
 * and listed in its result's `warnings` (`actions.<index>.<name>`).
 */
export async function recordActionBatch(
  prisma: PrismaClient,
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
    prisma,
    program,
    valid.map((v) => v.action),
  );
  for (const [i, outcome] of outcomes.entries()) {
    const { index } = valid[i];
    results[index] = outcome.ok
      ? { index, status: 200, replayed: outcome.replayed, data: outcome.action }
      : {
          index,
          status: outcome.error.status,
          message: outcome.error.message,
          errors: outcome.error.errors,
        };
  }
  return results.map((result, index) =>
    warnings[index].length > 0 ? { ...result, warnings: warnings[index] } : result,
  );
}
