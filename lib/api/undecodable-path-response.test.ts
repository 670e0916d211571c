import { describe, expect, it } from "vitest";
import { undecodablePathResponse, undecodableSegment } from "./undecodable-path-response";

describe("undecodablePathResponse", () => {
  it("lets every path that percent-decodes through", () => {
    for (const path of [
      "/",
      "/api/v2/actions/a%20b",
      "/p/acme/actions",
      "/api/v2/actions/%E2%82%AC",
      "/%25",
    ])
      expect(undecodablePathResponse(path), path).toBeNull();
  });

  it("answers the API in its envelope, naming the path parameter", async () => {
    const cases: [string, string][] = [
      ["/api/v2/actions/a%ffb", "key"],
      ["/api/v2/customers/%E0%A4%A", "customer_key"],
      ["/api/v2/partnerships/%ED%A0%80", "partner_key"],
      ["/api/v2/groups/a%ffb", "group_key"],
      ["/api/v2/tags/%E0%A4%A", "tag_name"],
      ["/api/v2/actions/%", "key"],
      ["/api/v2/nowhere/%zz/deeper", "path"],
    ];
    for (const [path, field] of cases) {
      const res = undecodablePathResponse(path)!;
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body, path).toMatchObject({
        status: 400,
        message: expect.stringContaining(field),
        errors: [{ field, message: "is not valid percent-encoding" }],
      });
    }
  });

  it("answers pages with a short HTML page that escapes what was sent", async () => {
    expect(undecodableSegment("/p/%ff/actions")).toBe("%ff");
    const res = undecodablePathResponse("/p/acme/actions/export/%3Cb%3E%ff.csv")!;
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("not valid percent-encoding");
    expect(html).not.toContain("<script");
    expect(html).toContain("%3Cb%3E%ff.csv");
  });
});
