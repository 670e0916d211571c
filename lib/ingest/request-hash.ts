import { createHash } from "node:crypto";
import type { CreateActionInput } from "../schemas/actions";

/**
 * Fingerprint of what a client asked for, to tell an idempotent retry (same key, same body) from
 * a conflicting reuse of a key. Defaults are not part of it: a retry that omits `occurred_at`
 * again is the same request even though "now" has moved.
 */
export function actionRequestHash(input: CreateActionInput, sentOccurredAt: boolean): string {
  const fields: unknown[] = [
    input.target_type,
    input.target_key,
    input.type,
    input.value,
    sentOccurredAt && input.occurred_at !== undefined
      ? new Date(input.occurred_at).getTime()
      : null,
  ];
  // Appended only when sent, so hashes stored before properties existed still match their
  // retries; keys sorted, so the order a client writes them in changes nothing.
  const properties = input.properties ?? {};
  const names = Object.keys(properties).sort();
  if (names.length) fields.push(names.map((name) => [name, properties[name]]));
  const canonical = JSON.stringify(fields);
  return createHash("sha256").update(canonical).digest("hex");
}
