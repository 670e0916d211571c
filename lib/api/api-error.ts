import { DomainError, type DomainErrorKind, type FieldError } from "../errors/domain-error";

/**
 * An error of the public API itself: a status, a message and, for 422, the fields at fault; for
 * 429, when to try again. The edge raises it for what only HTTP knows (content type, body size,
 * rate limits); domain functions throw `DomainError`s, which `asApiError` maps here.
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

/** The status code the API answers each kind of domain error with. */
const STATUS: Record<DomainErrorKind, ApiError["status"]> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
};

/** The API's answer to a domain error: its status, and its message and fields as they are. */
export function apiErrorOf(error: DomainError): ApiError {
  return new ApiError(STATUS[error.kind], error.message, error.fields);
}

/** An error the API answers as such (its own or a domain error), or null for anything else. */
export function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return apiErrorOf(error);
  return null;
}

export function tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return new ApiError(429, `${message} Try again in ${wait}.`, undefined, retryAfterSeconds);
}
