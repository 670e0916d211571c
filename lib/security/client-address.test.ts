import { describe, expect, it } from "vitest";
import * as server from "../../scripts/start-server.mjs";
import { clientAddress, PEER_HEADER, trustedProxies } from "./client-address";

describe("the client's address", () => {
  it("is the connection's peer unless TRUST_PROXY names proxies", () => {
    const headers = new Headers({ [PEER_HEADER]: "192.0.2.1", "x-forwarded-for": "203.0.113.5" });
    expect(clientAddress(headers, {})).toBe("192.0.2.1");
    expect(clientAddress(headers, { TRUST_PROXY: "0" })).toBe("192.0.2.1");
    expect(clientAddress(headers, { TRUST_PROXY: "1" })).toBe("203.0.113.5");
  });

  it("takes the address the n-th proxy saw, whatever the client prepended", () => {
    const headers = new Headers({
      [PEER_HEADER]: "10.0.0.2",
      "x-forwarded-for": "1.1.1.1, 2.2.2.2, 198.51.100.7, 10.0.0.1",
    });
    expect(clientAddress(headers, { TRUST_PROXY: "1" })).toBe("10.0.0.1");
    expect(clientAddress(headers, { TRUST_PROXY: "2" })).toBe("198.51.100.7");
    // More proxies than entries: the leftmost entry is the best there is.
    expect(clientAddress(headers, { TRUST_PROXY: "10" })).toBe("1.1.1.1");
  });

  it("refuses a TRUST_PROXY that is not a count, as the server does at start", () => {
    for (const bad of ["true", "yes", "-1", "11", "1.5", "127.0.0.1"]) {
      expect(() => trustedProxies({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
      expect(() => server.trustedProxies(bad)).toThrow(/TRUST_PROXY/);
    }
    for (const [raw, n] of [
      ["", 0],
      ["0", 0],
      ["false", 0],
      ["1", 1],
      [" 3 ", 3],
    ] as const) {
      expect(trustedProxies({ TRUST_PROXY: raw })).toBe(n);
      expect(server.trustedProxies(raw)).toBe(n);
    }
  });

  it("is stamped by the server from the socket, replacing a client's own header", () => {
    expect(server.PEER_HEADER).toBe(PEER_HEADER);
    const headers: Record<string, string> = {
      [PEER_HEADER]: "6.6.6.6",
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      forwarded: "for=6.6.6.6",
    };
    server.stampPeer(headers, "192.0.2.9", 0);
    expect(headers).toEqual({ [PEER_HEADER]: "192.0.2.9" });
    const proxied: Record<string, string> = { "x-forwarded-for": "203.0.113.1" };
    server.stampPeer(proxied, "10.0.0.2", 1);
    expect(proxied).toEqual({ "x-forwarded-for": "203.0.113.1", [PEER_HEADER]: "10.0.0.2" });
  });
});

describe("what the server refuses or rewrites before Next reads a request", () => {
  it("refuses a body declared larger than any route takes", () => {
    const big = {
      url: "/api/v2/actions",
      headers: { "content-length": String(server.MAX_BODY_BYTES + 1) },
    };
    expect(server.screenRequest(big)).toMatchObject({ status: 413 });
    const fine = { url: "/api/v2/actions", headers: { "content-length": "1000" } };
    expect(server.screenRequest(fine)).toBeNull();
  });

  it("moves a webhook's query secret into its header, so the URL Next logs holds none", () => {
    const req = {
      url: "/api/partnerstack/webhooks/acme?secret=whs_1&x=1",
      headers: {} as Record<string, string>,
    };
    expect(server.screenRequest(req)).toBeNull();
    expect(req.url).toBe("/api/partnerstack/webhooks/acme?x=1");
    expect(req.headers["x-webhook-secret"]).toBe("whs_1");
    // A header already sent wins; other paths keep their query.
    const both = {
      url: "/api/partnerstack/webhooks/acme?secret=a",
      headers: { "x-webhook-secret": "b" },
    };
    server.screenRequest(both);
    expect([both.url, both.headers["x-webhook-secret"]]).toEqual([
      "/api/partnerstack/webhooks/acme",
      "b",
    ]);
    const other = { url: "/p/acme/actions?secret=keep", headers: {} };
    server.screenRequest(other);
    expect(other.url).toBe("/p/acme/actions?secret=keep");
  });
});
