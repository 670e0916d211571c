import { describe, expect, it } from "vitest";
import { readSignInSettings } from "./config.mjs";

const SSO = {
  OIDC_ISSUER: "https://login.example.com/tenant/",
  OIDC_CLIENT_ID: "actionboard",
  OIDC_CLIENT_SECRET: "s3cret",
};

const problems = (env: Record<string, string>) => {
  const read = readSignInSettings(env);
  return read.ok ? [] : read.problems;
};
const names = (env: Record<string, string>) => problems(env).map((p) => p.split(" ")[0]);

describe("sign-in settings", () => {
  it("are passwords only when nothing is set (blank is unset)", () => {
    const expected = { ok: true, settings: { oidc: null, passwordSignIn: true } };
    expect(readSignInSettings({})).toEqual(expected);
    expect(readSignInSettings({ OIDC_ISSUER: " ", PASSWORD_SIGNIN: "" })).toEqual(expected);
  });

  it("turn single sign-on on with the three settings, named after the issuer's host", () => {
    expect(readSignInSettings(SSO)).toEqual({
      ok: true,
      settings: {
        oidc: {
          issuer: "https://login.example.com/tenant",
          clientId: "actionboard",
          clientSecret: "s3cret",
          name: "login.example.com",
          allowedDomains: [],
        },
        passwordSignIn: true,
      },
    });
  });

  it("take a name, allowed domains (trimmed, lowercased) and password sign-in off", () => {
    const read = readSignInSettings({
      ...SSO,
      OIDC_NAME: " Acme SSO ",
      OIDC_ALLOWED_DOMAINS: " Acme.com, eu.acme.com ,,xn--mnchen-3ya.de",
      PASSWORD_SIGNIN: "OFF",
    });
    expect(read.ok && read.settings).toMatchObject({
      oidc: { name: "Acme SSO", allowedDomains: ["acme.com", "eu.acme.com", "xn--mnchen-3ya.de"] },
      passwordSignIn: false,
    });
  });

  it("name each missing part of a half-made single sign-on", () => {
    expect(names({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toEqual([
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
    ]);
    const [message] = problems({ OIDC_ISSUER: SSO.OIDC_ISSUER, OIDC_CLIENT_ID: "x" });
    expect(message).toBe(
      "OIDC_CLIENT_SECRET is not set: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (OIDC_ISSUER, OIDC_CLIENT_ID set).",
    );
    expect(names({ OIDC_CLIENT_SECRET: "x" })).toEqual(["OIDC_ISSUER", "OIDC_CLIENT_ID"]);
  });

  it("refuse settings that only make sense with single sign-on, and a bad value", () => {
    expect(names({ OIDC_ALLOWED_DOMAINS: "acme.com", OIDC_NAME: "Acme" })).toEqual([
      "OIDC_NAME",
      "OIDC_ALLOWED_DOMAINS",
    ]);
    expect(problems({ PASSWORD_SIGNIN: "off" })[0]).toMatch(/^PASSWORD_SIGNIN is off .*nobody/);
    expect(problems({ ...SSO, PASSWORD_SIGNIN: "no" })).toEqual([
      "PASSWORD_SIGNIN must be on or off.",
    ]);
    expect(problems({ ...SSO, OIDC_ALLOWED_DOMAINS: "acme.com, @acme.com, localhost" })).toEqual([
      'OIDC_ALLOWED_DOMAINS holds "@acme.com", which is not a domain name (e.g. example.com).',
      'OIDC_ALLOWED_DOMAINS holds "localhost", which is not a domain name (e.g. example.com).',
    ]);
  });

  it("want an https issuer (http on loopback only) without query or fragment", () => {
    expect(names({ ...SSO, OIDC_ISSUER: "http://login.example.com" })).toEqual(["OIDC_ISSUER"]);
    expect(names({ ...SSO, OIDC_ISSUER: "login.example.com" })).toEqual(["OIDC_ISSUER"]);
    expect(names({ ...SSO, OIDC_ISSUER: "https://login.example.com/?tenant=1" })).toEqual([
      "OIDC_ISSUER",
    ]);
    const local = readSignInSettings({ ...SSO, OIDC_ISSUER: "http://127.0.0.1:3130" });
    expect(local.ok && local.settings.oidc?.issuer).toBe("http://127.0.0.1:3130");
  });
});
