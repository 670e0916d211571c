import fc from "fast-check";
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

  it("refuses paths that clean up into another site", () => {
    for (const bad of [
      "/.//evil.example/phish",
      "/x/..//evil.example",
      "/./\\evil.example",
      "/a/../..//evil.example",
    ]) {
      expect(safeCallbackUrl(bad), bad).toBe("/");
    }
  });

  // A generated family of path tricks: whatever comes back, a browser on this site, resolving it
  // against any page of the site, stays on the site; and it is a fixed point.
  it("never hands on a path that leaves the site, for generated path tricks", () => {
    const piece = fc.constantFrom(
      "",
      ".",
      "..",
      "%2e",
      "%2e%2e",
      ".%2e",
      "evil.example",
      "@evil.example",
      "evil.example:80",
      "/",
      "\\",
      "%2f",
      "%5c",
      "%09",
      "\t",
      "p",
      "actions",
      "?x=//evil.example",
      "#//evil.example",
      ";",
      "https:",
      "//",
      "///",
    );
    const path = fc.array(piece, { maxLength: 6 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(path, fc.constantFrom("/", "/p/acme/actions", "/signin?x=1"), (value, page) => {
        const safe = safeCallbackUrl(value);
        expect(safe.startsWith("/") && !safe.startsWith("//")).toBe(true);
        expect(new URL(safe, new URL(page, "https://site.example")).origin).toBe(
          "https://site.example",
        );
        expect(safeCallbackUrl(safe)).toBe(safe);
      }),
      { seed: 20261205, numRuns: 3000 },
    );
  });
});
