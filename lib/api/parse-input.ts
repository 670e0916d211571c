import type { z } from "zod";
import { invalidFields, type FieldError } from "./api-error";

export function zodFieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    // One message per field: the first says what to fix; alternatives of a union would repeat it.
    if (!byField.has(field)) byField.set(field, { field, message: issue.message });
  }
  return [...byField.values()];
}

/** Validates input against a schema or throws a 422 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidFields(zodFieldErrors(result.error));
  return result.data;
}

/** Query strings arrive as strings; repeated keys keep only the first value. */
export function searchParamsObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}
