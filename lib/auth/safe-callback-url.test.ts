import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query string", () => {
    expect(safeCallbackUrl("/p/acme/actions?timeframe=past_7_days&group=1")).toBe(
      "/p/acme/actions?timeframe=past_7_days&group=1",
    );
  });

  it("refuses other sites and falls back", () => {
    for (const bad of ["https://evil.test/", "//evil.test", "/\\evil.test", "", null, undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("refuses paths a browser would turn into another site, and line breaks", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/p/acme\nSet-Cookie: x=1",
      "/\u0000/evil.example",
      "/\\/evil.example",
    ]) {
      expect(safeCallbackUrl(bad), JSON.stringify(bad)).toBe("/");
    }
    // Encoded characters stay encoded and harmless.
    expect(safeCallbackUrl("/p/acme/actions?name=%0a")).toBe("/p/acme/actions?name=%0a");
  });
});
