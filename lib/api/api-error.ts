export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error type of the public API: a status, a message and, for 422, the fields at fault;
 * for 429, when to try again.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly errors?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return new ApiError(429, `${message} Try again in ${wait}.`, undefined, retryAfterSeconds);
}

export function invalidFields(errors: FieldError[]): ApiError {
  // "type is required" names its field already; "value: must be at least 1" needs the prefix.
  const summary = errors
    .map((e) => (e.message.startsWith(`${e.field} `) ? e.message : `${e.field}: ${e.message}`))
    .join("; ");
  return new ApiError(422, `Invalid request: ${summary}`, errors);
}

export function fieldNotFound(field: string, value: string, what: string): ApiError {
  return new ApiError(404, `No ${what} with ${field} "${value}" in this program.`, [
    { field, message: `unknown ${what} "${value}"` },
  ]);
}
