import { describe, expect, it } from "vitest";
import {
  generateApiKeyPair,
  hashSecret,
  parseAuthorization,
  publicKeyForSecret,
  secretMatches,
} from "./api-key-secrets";

describe("API key secrets", () => {
  it("pairs a secret with its public key, for Bearer requests", () => {
    const { publicKey, secret } = generateApiKeyPair("live");
    expect(publicKey).toMatch(/^pk_live_[0-9a-f]{24}$/);
    expect(publicKeyForSecret(secret)).toBe(publicKey);
    expect(parseAuthorization(`Bearer ${secret}`)).toEqual({ publicKey, secret });
  });

  it("reads HTTP Basic public:secret, whatever the secret contains after the first colon", () => {
    const header = `Basic ${Buffer.from("pk_test_abc:s:e:c").toString("base64")}`;
    expect(parseAuthorization(header)).toEqual({ publicKey: "pk_test_abc", secret: "s:e:c" });
  });

  it("rejects absent and malformed headers", () => {
    for (const header of [
      null,
      "",
      "Basic",
      `Basic ${Buffer.from("nocolon").toString("base64")}`,
      "Bearer not-a-secret",
      "Token abc",
    ]) {
      expect(parseAuthorization(header)).toBeNull();
    }
  });

  it("matches a secret only against its own hash", () => {
    const { secret } = generateApiKeyPair("test");
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(`${secret}x`, hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, "not-hex")).toBe(false);
  });
});
