import { ApiError, invalidFields } from "./api-error";

/**
 * A write a data function refused, for both edges: a server action shows `message` beside
 * `field`; the API answers `status` naming `field` (`refusalError`).
 */
export type Refusal = { ok: false; status: 404 | 409 | 422; field: string; message: string };

export function refusal(status: Refusal["status"], field: string, message: string): Refusal {
  return { ok: false, status, field, message };
}

/** The API's error for a refusal: a 422 lists the field like any invalid input. */
export function refusalError(refused: Refusal): ApiError {
  const errors = [{ field: refused.field, message: refused.message }];
  if (refused.status === 422) return invalidFields(errors);
  return new ApiError(refused.status, refused.message, errors);
}
