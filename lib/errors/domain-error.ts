/** A field at fault and what is wrong with it ("value", "must be at least 1"). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What went wrong, in the domain's words; each edge says it its own way (the API maps a kind to
 * a status code in `lib/api/api-error.ts`, a form shows the message beside the field).
 */
export type DomainErrorKind =
  /** The input breaks a rule: `fields` says which field and why. */
  | "invalid"
  /** A record the input names does not exist in this program. */
  | "not_found"
  /** The input contradicts what is stored (a key already used). */
  | "conflict"
  /** The caller could not be identified (no, wrong or revoked credentials). */
  | "unauthenticated";

/** The one error type domain functions throw (or return, for a batch that goes on). */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The fields at fault, when the error is about some. */
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Input that breaks a rule, naming every field at fault in one message. */
export function invalidFields(fields: FieldError[]): DomainError {
  // "type is required" names its field already; "value: must be at least 1" needs the prefix.
  const summary = fields
    .map((e) => (e.message.startsWith(`${e.field} `) ? e.message : `${e.field}: ${e.message}`))
    .join("; ");
  return new DomainError("invalid", `Invalid request: ${summary}`, fields);
}

/** No `what` with this `value` of `field` in the program. */
export function fieldNotFound(field: string, value: string, what: string): DomainError {
  return new DomainError("not_found", `No ${what} with ${field} "${value}" in this program.`, [
    { field, message: `unknown ${what} "${value}"` },
  ]);
}
