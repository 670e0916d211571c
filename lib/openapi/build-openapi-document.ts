import { z } from "zod";
import { fieldWarning } from "../schemas/common";
import { ENDPOINTS, type Endpoint } from "./endpoints";

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed JSON",
  401: "Missing, wrong or revoked API key",
  404: "Unknown key (named in the message)",
  409: "Key already used with a different body",
  413: "Body larger than 1 MB",
  415: "Content-Type is not application/json",
  422: "Invalid fields (listed in errors)",
  429: "Too many requests for this key, or too many failed authentications with this public key; wait Retry-After seconds",
};

function schemaOf(type: z.ZodType, io: "input" | "output"): JsonSchema {
  const schema = z.toJSONSchema(type, { io, unrepresentable: "any" }) as JsonSchema;
  delete schema.$schema; // the document declares its dialect once
  return schema;
}

/** `warnings` of an answer to a write (success or error): present only when a field was ignored. */
function warningsProperty() {
  return {
    type: "array",
    description:
      "Present when the request body held fields this API does not know: they were ignored (the write went ahead without them), one warning per field.",
    items: schemaOf(fieldWarning, "output"),
  };
}

function queryParameters(query: z.ZodType) {
  const schema = schemaOf(query, "input");
  const parameters: Record<string, unknown>[] = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => ({
      name,
      in: "query",
      required: schema.required?.includes(name) ?? false,
      schema: property,
    }),
  );
  // Paged lists: a client reading every page may spare the server a count per page.
  if (schema.properties?.starting_after) {
    parameters.push({
      name: "Prefer",
      in: "header",
      required: false,
      description:
        "`count=planned`: `total` is PostgreSQL's estimate instead of an exact count (cheap on long lists; answered with `Preference-Applied: count=planned`)",
      schema: { type: "string", enum: ["count=planned"] },
    });
  }
  return parameters;
}

function operation(endpoint: Endpoint) {
  const envelope = {
    type: "object",
    properties: {
      data: schemaOf(endpoint.response, "output"),
      message: { type: "string" },
      status: { type: "integer" },
      ...(endpoint.body ? { warnings: warningsProperty() } : {}),
    },
    required: ["data", "message", "status"],
  };
  const responses: Record<string, unknown> = {
    200: { description: "Success", content: { "application/json": { schema: envelope } } },
  };
  // Every endpoint is rate-limited (429).
  for (const status of [...endpoint.errors, 429]) {
    responses[status] = {
      description: ERROR_TEXT[status],
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      ...(status === 429
        ? {
            headers: {
              "Retry-After": {
                description: "Seconds to wait before trying again",
                schema: { type: "integer" },
              },
            },
          }
        : {}),
    };
  }
  const description = endpoint.extension
    ? `Actionboard extension: PartnerStack v2 has no such endpoint. ${endpoint.description ?? ""}`.trim()
    : endpoint.description;
  return {
    summary: endpoint.summary,
    ...(description ? { description } : {}),
    ...(endpoint.extension ? { "x-actionboard-extension": true } : {}),
    operationId: `${endpoint.method}${endpoint.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    parameters: [
      ...(endpoint.pathParams ?? []).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(endpoint.query ? queryParameters(endpoint.query) : []),
    ],
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaOf(endpoint.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** OpenAPI 3.1 document for the public API, generated from the validating zod schemas. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method] = operation(endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Actionboard Actions API",
      version: "2.0.0",
      description:
        "PartnerStack-v2-compatible Actions API with idempotency, event time, batches and reward lineage. Times are epoch milliseconds; money is integer cents. Request bodies may hold fields this API does not know (other client versions send them): they are ignored and named in the answer's `warnings`; a known field with a wrong value is a 422, and a missing required field is a 422 saying `<field> is required`. Endpoints PartnerStack v2 does not have (creating and changing groups and tags) are marked `x-actionboard-extension`. A new partnership that names no group joins the program's default group (key `default`).",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ basicAuth: [] }, { bearerAuth: [] }],
    components: {
      securitySchemes: {
        basicAuth: { type: "http", scheme: "basic", description: "public_key:secret_key" },
        bearerAuth: { type: "http", scheme: "bearer", description: "secret_key" },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            message: { type: "string" },
            status: { type: "integer" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: { field: { type: "string" }, message: { type: "string" } },
                required: ["field", "message"],
              },
            },
            warnings: warningsProperty(),
          },
          required: ["message", "status"],
        },
      },
    },
    paths,
  };
}
