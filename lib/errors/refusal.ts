import { DomainError, invalidFields, type DomainErrorKind } from "./domain-error";

type RefusalKind = Extract<DomainErrorKind, "not_found" | "conflict" | "invalid">;

/**
 * A write a data function refused, returned rather than thrown so that both edges can answer it:
 * a server action shows `message` beside `field`; the API answers it as the error
 * `refusalError` makes (a status code from `kind`).
 */
export type Refusal = { ok: false; kind: RefusalKind; field: string; message: string };

export function refusal(kind: RefusalKind, field: string, message: string): Refusal {
  return { ok: false, kind, field, message };
}

/** The refusal as an error: an invalid one lists its field like any invalid input. */
export function refusalError(refused: Refusal): DomainError {
  const fields = [{ field: refused.field, message: refused.message }];
  if (refused.kind === "invalid") return invalidFields(fields);
  return new DomainError(refused.kind, refused.message, fields);
}
