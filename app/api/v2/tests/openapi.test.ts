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
      "key",
      "occurred_at",
      "target_key",
      "target_type",
      "type",
      "value",
    ]);
    expect(schema.required.sort()).toEqual(["target_key", "target_type", "type"]);
  });
});
