import { describe, expect, it } from "vitest";
import { securityHeaders } from "../security/security-headers";
import { embedOriginsOf, frameParam, parseEmbedOrigins } from "./embed-origins";

const PATH = `/share/12/${"a".repeat(43)}`;

describe("the sites that may embed a share link", () => {
  it("reads a typed list as origins, once each, and names the first address it cannot use", () => {
    expect(
      parseEmbedOrigins(" https://A.example.com/ ,http://127.0.0.1:8080\nhttps://a.example.com"),
    ).toEqual({
      origins: ["https://a.example.com", "http://127.0.0.1:8080"],
    });
    expect(parseEmbedOrigins("")).toEqual({ origins: [] });
    for (const bad of [
      "javascript:alert(1)",
      "https://x.example/path",
      "https://x.example?q",
      "x",
    ]) {
      expect(parseEmbedOrigins(`https://ok.example ${bad}`)).toEqual({
        problem: expect.stringContaining(bad),
      });
    }
  });

  it("takes the frame list from a share link's URL only, and only when every entry is an origin", () => {
    const origins = ["https://wiki.example.com", "http://127.0.0.1:8080"];
    expect(embedOriginsOf(PATH, frameParam(origins))).toEqual(origins);
    expect(embedOriginsOf(`/p/acme/actions`, frameParam(origins))).toBeNull();
    expect(embedOriginsOf(`${PATH}/x`, frameParam(origins))).toBeNull();
    expect(embedOriginsOf(PATH, null)).toBeNull();
    expect(embedOriginsOf(PATH, "not base64!")).toBeNull();
    // Anything that would add a directive or a keyword to the policy is refused whole.
    for (const forged of [
      ["https://a.example; script-src *"],
      ["'self'"],
      ["*"],
      ["https://a.example", "data:"],
      Array.from({ length: 11 }, (_, i) => `https://s${i}.example`),
    ]) {
      expect(embedOriginsOf(PATH, frameParam(forged)), forged.join(" ")).toBeNull();
    }
  });

  it("lets exactly those sites frame the page, without X-Frame-Options; every other page none", () => {
    const options = { https: false, dev: false };
    const framed = securityHeaders(
      { kind: "page", nonce: "n", frameAncestors: ["https://wiki.example.com"] },
      options,
    );
    expect(framed["Content-Security-Policy"]).toMatch(
      /frame-ancestors https:\/\/wiki\.example\.com(;|$)/,
    );
    expect(framed).not.toHaveProperty("X-Frame-Options");
    const page = securityHeaders({ kind: "page", nonce: "n" }, options);
    expect(page["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(page["X-Frame-Options"]).toBe("DENY");
  });
});
