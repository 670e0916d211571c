import type { z } from "zod";
import { invalidFields, type FieldError } from "../errors/domain-error";
import type { FieldWarning } from "../schemas/common";

/** True when `input` holds nothing at `path`: the field was not sent. */
function isMissing(input: unknown, path: PropertyKey[]): boolean {
  let at = input;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return false;
    if (!Object.hasOwn(at, key)) return true;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at === undefined;
}

/**
 * One error per field of a failed parse of `input`. A field that was not sent at all gets
 * "<field> is required", whatever the schema's message for a wrong value (zod's own would read
 * "expected string, received undefined"). Optional fields accept absence, so a problem found
 * where nothing was sent always means a required field is missing.
 */
export function zodFieldErrors(error: z.ZodError, input: unknown, prefix = ""): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of error.issues) {
    // A strict object (a list's query) names each key it does not know: the key is the field.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [prefix, ...issue.path.map(String), key].filter(Boolean).join(".");
        byField.set(field, { field, message: `unknown parameter ${JSON.stringify(key)}` });
      }
      continue;
    }
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    const message =
      issue.path.length > 0 && isMissing(input, issue.path)
        ? `${field} is required`
        : issue.message;
    // One message per field: the first says what to fix; alternatives of a union would repeat it.
    if (!byField.has(field)) byField.set(field, { field, message });
  }
  return [...byField.values()];
}

/** Validates input against a schema or throws a 422 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidFields(zodFieldErrors(result.error, input));
  return result.data;
}

/**
 * The top-level fields of a request body that `schema` does not declare, one warning each.
 * Clients of other API versions send fields this one does not know: they are ignored (the object
 * schemas strip them) and the answer says so, instead of refusing the whole write.
 */
export function unknownFieldWarnings(
  schema: z.ZodObject,
  body: unknown,
  prefix = "",
): FieldWarning[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [];
  return Object.keys(body)
    .filter((name) => !Object.hasOwn(schema.shape, name))
    .map((name) => ({
      code: "unknown_field",
      field: prefix ? `${prefix}.${name}` : name,
      // Quoted as JSON: a name may hold any character, the message stays readable and storable.
      message: `unknown field ${JSON.stringify(name)} was ignored`,
    }));
}

/** A write's body: unknown fields are added to `warnings` and ignored; the rest as parseInput. */
export function parseBody<S extends z.ZodObject>(
  schema: S,
  body: unknown,
  warnings: FieldWarning[],
): z.output<S> {
  warnings.push(...unknownFieldWarnings(schema, body));
  return parseInput(schema, body);
}

/** Query strings arrive as strings; repeated keys keep only the first value. */
export function searchParamsObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}
