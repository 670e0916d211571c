import { describe, expect, it } from "vitest";
import { cleanAuthRequest } from "./clean-auth-request";

const BASE = "http://app.test";

describe("requests to next-auth's endpoints", () => {
  it("replace a callback URL next-auth cannot parse, in the query and in a posted form", async () => {
    for (const bad of ["x", "%ZZ", "javascript:alert(1)", "", " "]) {
      const query = await cleanAuthRequest(
        new Request(`${BASE}/api/auth/signout?callbackUrl=${encodeURIComponent(bad)}`),
        "signout",
        undefined,
      );
      expect(new URL((query as Request).url).searchParams.get("callbackUrl"), bad).toBe("/");
      const form = (await cleanAuthRequest(
        new Request(`${BASE}/api/auth/signout`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ callbackUrl: bad, csrfToken: "t" }).toString(),
        }),
        "signout",
        undefined,
      )) as Request;
      expect(new URLSearchParams(await form.text()).get("callbackUrl"), bad).toBe("/");
    }
  });

  it("keep callback URLs next-auth takes (it keeps redirects on the site itself)", async () => {
    for (const fine of ["/p/acme/actions?x=1", "http://app.test/p", "https://elsewhere.example/"]) {
      const request = new Request(
        `${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(fine)}`,
      );
      expect(await cleanAuthRequest(request, "signin", undefined)).toBe(request);
    }
  });

  it("refuse what next-auth would fail on: bad JSON, a bad cookie, a GET of the credentials callback", async () => {
    const json = (body: string) =>
      cleanAuthRequest(
        new Request(`${BASE}/api/auth/signout`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
        "signout",
        undefined,
      );
    expect(((await json("{")) as Response).status).toBe(400);
    expect(((await json("[1]")) as Response).status).toBe(400);
    const fixed = (await json(JSON.stringify({ callbackUrl: 5 }))) as Request;
    expect(await fixed.json()).toEqual({ callbackUrl: "/" });

    const cookie = (await cleanAuthRequest(
      new Request(`${BASE}/api/auth/session`, {
        headers: { cookie: "next-auth.callback-url=%ZZ" },
      }),
      "session",
      undefined,
    )) as Response;
    expect(cookie.status).toBe(400);
    expect(cookie.headers.get("set-cookie")).toMatch(/^next-auth\.callback-url=; .*Max-Age=0/);

    const get = (await cleanAuthRequest(
      new Request(`${BASE}/api/auth/callback/credentials`),
      "callback",
      "credentials",
    )) as Response;
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("pass single sign-on's requests on as sent: the start (a posted form) and the provider's answer", async () => {
    const answer = new Request(`${BASE}/api/auth/callback/oidc?code=c0de&state=st4te&iss=x`);
    expect(await cleanAuthRequest(answer, "callback", "oidc")).toBe(answer);
    const fields = { csrfToken: "t", callbackUrl: "/p/acme/actions?x=1", json: "true" };
    const start = (await cleanAuthRequest(
      new Request(`${BASE}/api/auth/signin/oidc`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
      "signin",
      "oidc",
    )) as Request;
    expect([start.method, new URL(start.url).pathname]).toEqual(["POST", "/api/auth/signin/oidc"]);
    expect(Object.fromEntries(new URLSearchParams(await start.text()))).toEqual(fields);
  });
});
