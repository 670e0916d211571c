/** A body's text read as a JSON object (what next-auth's endpoints take), or why it is not one. */
export function jsonObjectText(
  text: string,
): { object: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: "the body is not valid JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { problem: "the body must be a JSON object" };
  }
  return { object: value as Record<string, unknown> };
}
