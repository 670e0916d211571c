import "server-only";
import type { ActionOutput, CreateActionInput } from "../schemas/actions";
import type { OpenDatabase } from "../db/open";
import { ingestActions, type IngestOptions } from "./ingest-actions";
import type { IngestProgram } from "./ingest-types";
import { prepareAction } from "./prepare-action";

interface RecordActionResult {
  action: ActionOutput;
  /** True when an earlier request with the same key and body already stored it. */
  replayed: boolean;
}

/**
 * Stores one action and the rewards its rules produce, all or nothing: a batch of one, so
 * single and batch requests share one definition of idempotency, targets and rewards. Throws the
 * DomainError (not found, conflict, invalid) the request is refused with.
 */
export async function recordAction(
  db: Pick<OpenDatabase, "transaction" | "sql">,
  program: IngestProgram,
  input: CreateActionInput,
  options: { idempotencyKey?: string | null; sentOccurredAt: boolean } & IngestOptions,
): Promise<RecordActionResult> {
  const [outcome] = await ingestActions(db, program, [prepareAction(input, options)], options);
  if (!outcome.ok) throw outcome.error;
  return { action: outcome.action, replayed: outcome.replayed };
}
