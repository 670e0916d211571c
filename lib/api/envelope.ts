import { asApiError, type ApiError } from "./api-error";
import type { FieldWarning } from "../schemas/common";
import { logger } from "../observability/logger.mjs";

interface EnvelopeOptions {
  headers?: HeadersInit;
  /** Fields the request sent that were ignored; the envelope holds `warnings` only when any were. */
  warnings?: FieldWarning[];
}

function withWarnings(body: Record<string, unknown>, warnings: FieldWarning[] | undefined) {
  return warnings?.length ? { ...body, warnings } : body;
}

/** PartnerStack-style envelope: `{ data, message, status }`, and `warnings` when there are any. */
export function apiResponse(data: unknown, message = "Success", options: EnvelopeOptions = {}) {
  return Response.json(withWarnings({ data, message, status: 200 }, options.warnings), {
    status: 200,
    headers: options.headers,
  });
}

export function apiErrorResponse(error: ApiError, warnings?: FieldWarning[]) {
  const body: Record<string, unknown> = { message: error.message, status: error.status };
  if (error.errors) body.errors = error.errors;
  const headers: HeadersInit = {};
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(withWarnings(body, warnings), { status: error.status, headers });
}

/**
 * Maps anything thrown by a handler to a response: the API's own errors and domain errors (by
 * kind, `asApiError`) in the envelope; unexpected errors are logged and hidden.
 */
export function handleApiError(error: unknown, warnings?: FieldWarning[]): Response {
  const known = asApiError(error);
  if (known) return apiErrorResponse(known, warnings);
  logger().error({ err: error }, "Unexpected API error");
  return Response.json(
    { message: "Something went wrong on our side; nothing was stored.", status: 500 },
    { status: 500 },
  );
}
