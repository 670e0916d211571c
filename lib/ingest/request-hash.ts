import { createHash } from "node:crypto";
import type { CreateActionInput } from "../schemas/actions";

/**
 * Fingerprint of what a client asked for, to tell an idempotent retry (same key, same body) from
 * a conflicting reuse of a key. Defaults are not part of it: a retry that omits `occurred_at`
 * again is the same request even though "now" has moved.
 */
export function actionRequestHash(input: CreateActionInput, sentOccurredAt: boolean): string {
  const canonical = JSON.stringify([
    input.target_type,
    input.target_key,
    input.type,
    input.value,
    sentOccurredAt && input.occurred_at !== undefined
      ? new Date(input.occurred_at).getTime()
      : null,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
