// GET /api/v2/openapi.json — the OpenAPI 3.1 document of the public API (no key needed)
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}
