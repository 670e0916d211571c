import { describe, expect, it } from "vitest";
import { rateLimit } from "./rate-limit-config";

describe("rate limit settings", () => {
  it("reads count/window from the environment, with defaults", () => {
    expect(rateLimit("RATE_LIMIT_API_KEY", { RATE_LIMIT_API_KEY: "120/30s" })).toEqual({
      name: "RATE_LIMIT_API_KEY",
      limit: 120,
      windowSeconds: 30,
    });
    expect(
      rateLimit("RATE_LIMIT_SIGNIN_ACCOUNT", { RATE_LIMIT_SIGNIN_ACCOUNT: "5/2h" }),
    ).toMatchObject({
      limit: 5,
      windowSeconds: 7200,
    });
    expect(rateLimit("RATE_LIMIT_SIGNIN_ACCOUNT", {})).toMatchObject({
      limit: 10,
      windowSeconds: 900,
    });
  });

  it("names the setting and the expected form when a value is wrong", () => {
    expect(() => rateLimit("RATE_LIMIT_API_KEY", { RATE_LIMIT_API_KEY: "lots" })).toThrow(
      /RATE_LIMIT_API_KEY="lots" must look like "10\/15m"/,
    );
    expect(() => rateLimit("RATE_LIMIT_API_KEY", { RATE_LIMIT_API_KEY: "0/1m" })).toThrow(
      /at least 1/,
    );
  });
});
