// Any other /api/v2 path — a JSON 404 instead of an HTML page
import { ApiError } from "@/lib/api/api-error";
import { apiErrorResponse } from "@/lib/api/envelope";

function notFound(request: Request) {
  const path = new URL(request.url).pathname;
  return apiErrorResponse(new ApiError(404, `No endpoint at ${path}. See /api/v2/openapi.json.`));
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PATCH,
  notFound as DELETE,
  notFound as PUT,
};
