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
});
