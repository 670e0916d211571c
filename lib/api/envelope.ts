import { asApiError, type ApiError } from "./api-error";
import type { FieldWarning } from "../schemas/common";
import { logger } from "../observability/logger.mjs";
import { config } from "../config/config.mjs";
import { isHttpsUrl, securityHeaders } from "../security/security-headers";

interface EnvelopeOptions {
  headers?: HeadersInit;
  /** Fields the request sent that were ignored; the envelope holds `warnings` only when any were. */
  warnings?: FieldWarning[];
}

function withWarnings(body: Record<string, unknown>, warnings: FieldWarning[] | undefined) {
  return warnings?.length ? { ...body, warnings } : body;
}

// Not stored by caches, and not compressed by the server: `no-transform` makes Next's gzip step
// pass the answer through. Compressing costs the server more CPU than the bytes are worth for an
// API answered on a local network or behind a reverse proxy (which may compress it itself).
// The security headers are the ones proxy.ts gives API answers: the ingestion endpoints skip the
// proxy (its cost per request is a large share of theirs), so their answers carry them here.
let apiHeaders: [string, string][] | undefined;
function headersOf(extra?: HeadersInit) {
  apiHeaders ??= Object.entries({
    ...securityHeaders({ kind: "api" }, { https: isHttpsUrl(config().NEXTAUTH_URL), dev: false }),
    "Cache-Control": "no-store, no-transform",
  });
  const headers = new Headers(extra);
  for (const [name, value] of apiHeaders) headers.set(name, value);
  return headers;
}

/** PartnerStack-style envelope: `{ data, message, status }`, and `warnings` when there are any. */
export function apiResponse(data: unknown, message = "Success", options: EnvelopeOptions = {}) {
  return Response.json(withWarnings({ data, message, status: 200 }, options.warnings), {
    status: 200,
    headers: headersOf(options.headers),
  });
}

export function apiErrorResponse(error: ApiError, warnings?: FieldWarning[]) {
  const body: Record<string, unknown> = { message: error.message, status: error.status };
  if (error.errors) body.errors = error.errors;
  const headers: HeadersInit = {};
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(withWarnings(body, warnings), {
    status: error.status,
    headers: headersOf(headers),
  });
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
    { status: 500, headers: headersOf() },
  );
}
