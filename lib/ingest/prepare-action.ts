import { randomBytes } from "node:crypto";
import type { CreateActionInput } from "../schemas/actions";
import type { PreparedAction } from "./ingest-types";
import { actionRequestHash } from "./request-hash";

/**
 * Gives a validated action the key it is stored under (its own `key` or `external_key`, equal
 * when both are sent; the Idempotency-Key header's; or a generated one) and the fingerprint that
 * tells a retry from a conflicting reuse of the key.
 */
export function prepareAction(
  input: CreateActionInput,
  options: { idempotencyKey?: string | null; sentOccurredAt: boolean },
): PreparedAction {
  return {
    input,
    key:
      input.key ??
      input.external_key ??
      options.idempotencyKey ??
      `act_${randomBytes(12).toString("hex")}`,
    hash: actionRequestHash(input, options.sentOccurredAt),
  };
}
