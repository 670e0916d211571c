/** PostgreSQL text cannot hold NUL characters: refuse them at the edge instead of failing later. */
export const noNul = (v: string) => !v.includes("\u0000");
export const NO_NUL_MESSAGE = "must not contain NUL characters";

/**
 * Half of a UTF-16 surrogate pair without the other half (JSON allows "\ud800"): PostgreSQL
 * refuses it inside JSON and stores it as U+FFFD in text, a different value than the one sent.
 */
export const UNPAIRED_SURROGATE_MESSAGE = "contains an unpaired surrogate";

/** Why PostgreSQL could not store this text as sent, or null when it can. */
export function storableTextProblem(text: string): string | null {
  if (!noNul(text)) return NO_NUL_MESSAGE;
  if (!text.isWellFormed()) return UNPAIRED_SURROGATE_MESSAGE;
  return null;
}
