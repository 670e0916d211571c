import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

const API_DIR = path.join(process.cwd(), "app", "api", "v2");

/** Every (METHOD path) the route files export, read from the file system, not from the document. */
async function routedEndpoints(): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const route = "/api/v2/" + path.relative(API_DIR, dir).split(path.sep).join("/");
        if (route.includes("[...") || route.endsWith("openapi.json")) continue;
        const source = await readFile(full, "utf8");
        for (const [, method] of source.matchAll(/export const (GET|POST|PATCH|DELETE)\b/g)) {
          found.push(`${method} ${route.replace(/\/$/, "").replace(/\[(\w+)\]/g, "{$1}")}`);
        }
      }
    }
  }
  await walk(API_DIR);
  return found.sort();
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(buildOpenApiDocument("http://localhost:3000"));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every endpoint the route files serve", async () => {
    const doc = buildOpenApiDocument();
    const documented = Object.entries(doc.paths)
      .flatMap(([route, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${route}`),
      )
      .sort();
    expect(documented).toEqual(await routedEndpoints());
  });

  it("documents request fields from the validating schemas", () => {
    const doc = buildOpenApiDocument();
    const post = doc.paths["/api/v2/actions"].post as {
      requestBody: {
        content: {
          "application/json": {
            schema: { properties: Record<string, unknown>; required: string[] };
          };
        };
      };
    };
    const schema = post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual([
      "external_key",
      "key",
      "occurred_at",
      "properties",
      "target_key",
      "target_type",
      "type",
      "value",
    ]);
    expect(schema.required.sort()).toEqual(["target_key", "target_type", "type"]);
    // Properties extend PartnerStack v2, with their limits in the document.
    expect(schema.properties.properties).toMatchObject({
      "x-actionboard-extension": true,
      maxProperties: 20,
      propertyNames: { pattern: "^[A-Za-z0-9_.:-]{1,64}$" },
    });
    // Unknown fields are ignored, not refused: no body forbids additional properties.
    expect(schema).not.toHaveProperty("additionalProperties");
  });

  it("documents the warnings of every write's answer and of errors", () => {
    const doc = buildOpenApiDocument();
    const warningItem = {
      type: "object",
      properties: {
        code: { type: "string", const: "unknown_field" },
        field: { type: "string" },
        message: { type: "string" },
      },
      required: ["code", "field", "message"],
    };
    type Operation = {
      requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
      responses: Record<string, { content?: Record<string, { schema: OkSchema }> }>;
    };
    type OkSchema = { properties: Record<string, { items?: unknown }> };
    const writes = Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops as Record<string, Operation>)
        .filter(([, op]) => op.requestBody)
        .map(([method, op]) => [`${method} ${route}`, op] as const),
    );
    expect(writes.map(([name]) => name).sort()).toEqual([
      "patch /api/v2/customers/{customer_key}",
      "patch /api/v2/groups/{group_key}",
      "patch /api/v2/partnerships/{partner_key}",
      "patch /api/v2/tags/{tag_name}",
      "post /api/v2/actions",
      "post /api/v2/actions/batch",
      "post /api/v2/customers",
      "post /api/v2/groups",
      "post /api/v2/partnerships",
      "post /api/v2/tags",
    ]);
    for (const [name, op] of writes) {
      const ok = op.responses[200].content!["application/json"].schema;
      expect(ok.properties.warnings?.items, name).toMatchObject(warningItem);
      expect(op.requestBody!.content["application/json"].schema, name).not.toHaveProperty(
        "additionalProperties",
      );
    }
    const error = doc.components.schemas.Error as OkSchema;
    expect(error.properties.warnings.items).toMatchObject(warningItem);
  });

  it("marks the endpoints PartnerStack v2 lacks as Actionboard extensions", () => {
    const doc = buildOpenApiDocument();
    type Op = { description?: string; "x-actionboard-extension"?: boolean };
    const marked = Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops as Record<string, Op>)
        .filter(([, op]) => op["x-actionboard-extension"] === true)
        .map(([method, op]) => {
          expect(op.description, route).toMatch(/^Actionboard extension: /);
          return `${method} ${route}`;
        }),
    );
    expect(marked.sort()).toEqual([
      "get /api/v2/reports/actions",
      "get /api/v2/tags",
      "patch /api/v2/groups/{group_key}",
      "patch /api/v2/tags/{tag_name}",
      "post /api/v2/groups",
      "post /api/v2/tags",
    ]);
    const createPartnership = doc.paths["/api/v2/partnerships"].post as { description: string };
    expect(createPartnership.description).toContain("default group, key `default`");
    expect(createPartnership.description).toContain("422 naming `group_key`");
  });
});
