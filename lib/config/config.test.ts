import { afterEach, describe, expect, it, vi } from "vitest";
import { RETRY_DELAYS_MS } from "../deliveries/delivery-context";
import { config, configProblems, ConfigError, readConfig, VARIABLES } from "./config.mjs";

describe("the configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("has every default when nothing is set (blank is unset)", () => {
    const blank = Object.fromEntries(Object.keys(VARIABLES).map((name) => [name, " "]));
    for (const env of [{}, blank]) {
      const settings = config(env);
      expect(settings).toMatchObject({
        PORT: 3000,
        HOST: "127.0.0.1",
        RATE_LIMIT_API_KEY: { limit: 6000, windowSeconds: 60 },
        PDF_MAX_CELLS: 70_000,
        PDF_QUEUE: 2,
        ACTION_TYPES_PER_PROGRAM: 200,
        MAIL_FROM: "Actionboard <actionboard@localhost>",
        DELIVERY_SCHEDULER: "on",
        DELIVERY_POLL_SECONDS: 30,
        DELIVERY_LEASE_SECONDS: 600,
        PARTNERSTACK_WORKER: "on",
        PARTNERSTACK_SYNC_MINUTES: 5,
        PARTNERSTACK_POLL_SECONDS: 15,
        signIn: { oidc: null, passwordSignIn: true },
      });
      expect(settings.DELIVERY_RETRY_SECONDS.map((s) => s * 1000)).toEqual(RETRY_DELAYS_MS);
      for (const name of ["DATABASE_URL", "ANALYTICS_URL", "SMTP_URL", "TRUST_PROXY"] as const) {
        expect(settings[name]).toBeUndefined();
      }
    }
  });

  it("reads given values in the variables' own units", () => {
    const settings = config({
      DATABASE_URL: " postgresql://u:p@db:5432/ab ",
      ANALYTICS_URL: "http://ch:secret@clickhouse:8123/stats",
      TRUST_PROXY: "2",
      DELIVERY_RETRY_SECONDS: "1, 2,3",
      PARTNERSTACK_PRIVATE: "allow",
      NEXTAUTH_SECRET: " kept as given ",
    });
    expect(settings).toMatchObject({
      DATABASE_URL: "postgresql://u:p@db:5432/ab",
      ANALYTICS_URL: {
        engine: "clickhouse",
        url: "http://clickhouse:8123",
        username: "ch",
        password: "secret",
        database: "stats",
      },
      TRUST_PROXY: 2,
      DELIVERY_RETRY_SECONDS: [1, 2, 3],
      PARTNERSTACK_PRIVATE: "allow",
      NEXTAUTH_SECRET: " kept as given ",
    });
  });

  it("names each bad variable and its allowed form, without a secret's value", () => {
    const problems = configProblems({
      PORT: "http",
      PDF_QUEUE: "many",
      DELIVERY_SCHEDULER: "OFF",
      DELIVERY_POLL_SECONDS: "-1",
      DELIVERY_RETRY_SECONDS: "soon",
      PARTNERSTACK_PRIVATE: "yes",
      NEXTAUTH_URL: "ab.example.com",
      SMTP_URL: "http://user:hunter2@mail.example.com",
      ANALYTICS_URL: "clickhouse://user:hunter2@host/db",
    });
    expect(problems.map((p) => p.split(/[ =]/)[0]).sort()).toEqual(
      [
        "PORT",
        "PDF_QUEUE",
        "DELIVERY_SCHEDULER",
        "DELIVERY_POLL_SECONDS",
        "DELIVERY_RETRY_SECONDS",
        "PARTNERSTACK_PRIVATE",
        "NEXTAUTH_URL",
        "SMTP_URL",
        "ANALYTICS_URL",
      ].sort(),
    );
    expect(problems).toContain('PDF_QUEUE="many" must be a whole number (0–999).');
    expect(problems).toContain('DELIVERY_SCHEDULER="OFF" must be on or off.');
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(readConfig({ TRUST_PROXY: "11" })).toEqual({
      ok: false,
      problems: [
        'TRUST_PROXY="11" must be the number of proxies in front of the app (1–10), or unset.',
      ],
    });
  });

  it("follows this process's environment, and throws on a bad value naming it", () => {
    vi.stubEnv("PDF_QUEUE", "7");
    expect(config().PDF_QUEUE).toBe(7);
    expect(config()).toBe(config());
    vi.stubEnv("PDF_QUEUE", "");
    expect(config().PDF_QUEUE).toBe(2);
    vi.stubEnv("PDF_QUEUE", "x");
    expect(() => config()).toThrow(ConfigError);
    expect(() => config()).toThrow(/PDF_QUEUE="x" must be a whole number/);
  });
});
