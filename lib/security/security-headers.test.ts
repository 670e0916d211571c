import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  isHttpsUrl,
  responseKind,
  securityHeaders,
} from "./security-headers";

/** The policy as a map of directive → source list, so tests read one directive at a time. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const production = { https: false, dev: false };

describe("page policy", () => {
  const page = parse(contentSecurityPolicy({ kind: "page", nonce: "abc123==" }, production));

  it("runs only scripts that carry this response's nonce, and what they load", () => {
    expect(page.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("allows no inline script, no eval and no plugins in production", () => {
    const all = [...page.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(page.get("script-src")).not.toContain("'unsafe-inline'");
    expect(page.get("object-src")).toEqual(["'none'"]);
    expect(page.get("base-uri")).toEqual(["'none'"]);
  });

  it("needs the nonce on <style> tags and allows only style attributes inline", () => {
    expect(page.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(page.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("refuses to be framed", () => {
    expect(page.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("adds eval and inline <style> for the dev server only", () => {
    const dev = parse(
      contentSecurityPolicy({ kind: "page", nonce: "n" }, { ...production, dev: true }),
    );
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("policies without script", () => {
  it("API answers load nothing and cannot be framed", () => {
    expect(contentSecurityPolicy({ kind: "api" }, production)).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("documents (download errors, next-auth pages) get inline CSS but no script", () => {
    const document = parse(contentSecurityPolicy({ kind: "document" }, production));
    expect(document.get("default-src")).toEqual(["'none'"]);
    expect(document.has("script-src")).toBe(false);
    expect(document.get("style-src")).toEqual(["'unsafe-inline'"]);
    expect(document.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, DENY and a same-origin referrer on every kind", () => {
    for (const target of [
      { kind: "page", nonce: "n" },
      { kind: "document" },
      { kind: "api" },
    ] as const) {
      const headers = securityHeaders(target, production);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Referrer-Policy"]).toBe("same-origin");
      expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    }
  });

  it("sends HSTS and upgrades requests only when the app is served over https", () => {
    const http = securityHeaders({ kind: "page", nonce: "n" }, production);
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");

    const https = securityHeaders({ kind: "page", nonce: "n" }, { ...production, https: true });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}$/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});

describe("responseKind", () => {
  it.each([
    ["/", "page"],
    ["/signin", "page"],
    ["/docs/api", "page"],
    ["/p/acme/actions", "page"],
    ["/p/acme/actions/occurrences", "page"],
    ["/p/acme/api-keys", "page"],
    ["/p/export/actions", "page"],
    ["/api/v2/actions", "api"],
    ["/api/v2/openapi.json", "api"],
    ["/api/auth/session", "document"],
    ["/api/auth/signout", "document"],
    ["/api/auth/signin/oidc", "document"],
    ["/api/auth/callback/oidc", "document"],
    ["/p/acme/actions/export/table.csv", "document"],
    ["/p/acme/audit", "page"],
    ["/p/acme/audit/export", "document"],
    ["/p/acme/actions/new-count", "api"],
  ])("%s is a %s", (path, kind) => {
    expect(responseKind(path)).toBe(kind);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("isHttpsUrl", () => {
  it.each([
    ["https://actionboard.example.com", true],
    ["HTTPS://actionboard.example.com/base", true],
    ["http://127.0.0.1:3000", false],
    ["not a url", false],
    [undefined, false],
  ])("%s → %s", (url, https) => {
    expect(isHttpsUrl(url)).toBe(https);
  });
});
