// Requests the server makes to addresses others chose (PartnerStack sources, delivery webhooks):
// special-purpose addresses are refused, as written and as resolved, and redirects are never
// followed — a public host answering 302 to a loopback service must not reach it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerStackClient, PartnerStackError } from "../partnerstack/partnerstack-client";
import { outboundGet } from "./outbound-get";
import { isPrivateAddress, privateHostOf } from "./private-address";

describe("special-purpose addresses", () => {
  it("are refused: IANA's IPv4 and IPv6 special registries, not only RFC 1918", () => {
    for (const address of [
      "0.0.0.0",
      "10.1.2.3",
      "100.64.0.1",
      "127.0.0.1",
      "169.254.169.254",
      "172.16.0.1",
      "192.0.0.8",
      "192.0.2.10",
      "192.88.99.1",
      "192.168.1.1",
      "198.18.0.1",
      "198.19.255.254",
      "198.51.100.7",
      "203.0.113.9",
      "224.0.0.1",
      "240.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::1.2.3.4",
      "64:ff9b::7f00:1",
      "100::1",
      "2001::1",
      "2001:2::1",
      "2001:db8::1",
      "2002:7f00:1::1",
      "fc00::1",
      "fd12::1",
      "fe80::1",
      "fec0::1",
      "ff02::1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it("lets global unicast through", () => {
    for (const address of [
      "93.184.215.14",
      "8.8.8.8",
      "1.1.1.1",
      "2606:4700::6810:84e5",
      "2a00:1450::1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("are recognised in every way a URL can write them", () => {
    for (const url of [
      "http://127.1/",
      "http://2130706433/",
      "http://0x7f.0.0.1/",
      "http://[::ffff:7f00:1]/",
      "http://[0:0:0:0:0:ffff:127.0.0.1]/",
      "http://localhost./",
      "http://api.localhost/",
    ]) {
      expect(privateHostOf(url), url).not.toBeNull();
    }
  });
});

describe("outbound requests and redirects", () => {
  let loopback: Server;
  let redirecting: Server;
  const reached: string[] = [];
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const listen = (server: Server) =>
    new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));

  beforeAll(async () => {
    // An internal service the server must never reach on an owner's behalf.
    loopback = createServer((req, res) => {
      reached.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { items: [], has_more: false }, message: "internal secret" }));
    });
    await listen(loopback);
    // "A public host" that answers every request with a redirect to it.
    redirecting = createServer((req, res) => {
      res.writeHead(302, { location: `${urlOf(loopback)}${req.url}` });
      res.end();
    });
    await listen(redirecting);
  });
  afterAll(() => {
    loopback.close();
    redirecting.close();
  });

  it("never follows a redirect: connecting fails, naming no internal answer", async () => {
    // allowPrivate only because the redirecting test host itself is on 127.0.0.1.
    const client = partnerStackClient(
      `${urlOf(redirecting)}/api/v2`,
      { publicKey: "pk", secretKey: "sk" },
      { allowPrivate: true, retries: 0 },
    );
    const refusal = await client.check().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PartnerStackError);
    expect(String((refusal as Error).message)).toMatch(/302 \(a redirect, not followed\)/);
    expect(String((refusal as Error).message)).not.toMatch(/internal secret/);
    expect(reached).toEqual([]);
  });

  it("refuses loopback written out, before connecting", async () => {
    for (const url of [
      `${urlOf(loopback)}/x`,
      "http://[::ffff:127.0.0.1]:9/x",
      "http://2130706433:9/x",
    ]) {
      await expect(
        outboundGet(new URL(url), {}, { allowPrivate: false }),
        url,
      ).rejects.toMatchObject({
        code: "EPRIVATE",
      });
    }
    const client = partnerStackClient(
      `${urlOf(loopback)}/api/v2`,
      { publicKey: "pk", secretKey: "sk" },
      {
        allowPrivate: false,
        retries: 0,
      },
    );
    await expect(client.check()).rejects.toThrow(/private address/);
    expect(reached).toEqual([]);
  });

  it("says the same about any host that cannot be reached, whatever the socket said", async () => {
    const closed = createServer();
    await listen(closed);
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = partnerStackClient(
      `http://127.0.0.1:${port}/api/v2`,
      { publicKey: "pk", secretKey: "sk" },
      {
        allowPrivate: true,
        retries: 0,
      },
    );
    const refusal = (await client.check().catch((e: unknown) => e)) as Error;
    expect(refusal.message).toBe(
      `127.0.0.1:${port} could not be reached (could not connect, or no answer in time).`,
    );
    expect(refusal.message).not.toMatch(/ECONNREFUSED/);
  });
});
