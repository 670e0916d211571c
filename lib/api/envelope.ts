import { ApiError } from "./api-error";

/** PartnerStack-style envelope: `{ data, message, status }`. */
export function apiResponse(
  data: unknown,
  message = "Success",
  status = 200,
  headers?: HeadersInit,
) {
  return Response.json({ data, message, status }, { status, headers });
}

export function apiErrorResponse(error: ApiError) {
  const body: Record<string, unknown> = { message: error.message, status: error.status };
  if (error.errors) body.errors = error.errors;
  const headers: HeadersInit = {};
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(body, { status: error.status, headers });
}

/** Maps anything thrown by a handler to a response; unexpected errors are logged and hidden. */
export function handleApiError(error: unknown): Response {
  if (error instanceof ApiError) return apiErrorResponse(error);
  console.error("Unexpected API error", error);
  return Response.json(
    { message: "Something went wrong on our side; nothing was stored.", status: 500 },
    { status: 500 },
  );
}
