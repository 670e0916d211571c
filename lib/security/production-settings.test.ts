import { describe, expect, it } from "vitest";
import { productionSettings, signInProblems } from "../../scripts/start-server.mjs";

describe("what npm start needs before it starts", () => {
  it("names every missing required setting, and warns without SMTP_URL", () => {
    const none = productionSettings({});
    expect(none.missing.map((m) => m.split(" ")[0])).toEqual([
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
      "ACTIONBOARD_ENCRYPTION_KEY",
    ]);
    expect(none.warnings).toEqual([
      expect.stringMatching(/^SMTP_URL is not set: scheduled deliveries by email are off/),
    ]);
  });

  it("starts quietly with all of them (blank counts as missing)", () => {
    const env = {
      NEXTAUTH_SECRET: "s",
      NEXTAUTH_URL: "https://ab.example",
      ACTIONBOARD_ENCRYPTION_KEY: "k",
      SMTP_URL: "smtp://mail",
    };
    expect(productionSettings(env)).toEqual({ missing: [], warnings: [] });
    expect(productionSettings({ ...env, NEXTAUTH_URL: " " }).missing).toHaveLength(1);
  });

  it("refuses a half-made single sign-on, naming what is missing, in production and out", () => {
    const env = {
      NEXTAUTH_SECRET: "s",
      NEXTAUTH_URL: "https://ab.example",
      ACTIONBOARD_ENCRYPTION_KEY: "k",
      SMTP_URL: "smtp://mail",
      OIDC_ISSUER: "https://login.example.com",
      OIDC_CLIENT_ID: "actionboard",
    };
    expect(productionSettings(env).missing).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_SECRET is not set: single sign-on needs/),
    ]);
    expect(signInProblems({ PASSWORD_SIGNIN: "off" })).toEqual([
      expect.stringMatching(/^PASSWORD_SIGNIN is off and single sign-on is not configured/),
    ]);
    expect(signInProblems({})).toEqual([]);
    expect(productionSettings({ ...env, OIDC_CLIENT_SECRET: "x" })).toEqual({
      missing: [],
      warnings: [],
    });
  });
});
