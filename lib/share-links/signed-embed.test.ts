import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readSignedEmbed, signEmbed, signedEmbedOrigins } from "./signed-embed";

const SECRET = "emb_test-secret";
const NOW = Date.UTC(2026, 11, 7, 12);
const payload = {
  view: 7,
  exp: NOW / 1000 + 600,
  params: { email: "ana@partner.example" },
  origins: ["https://app.example.com"],
};

/** What an application writes, following the README (no code of ours). */
function signedByApplication(body: object, secret: string): string {
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${encoded}.${createHmac("sha256", secret).update(encoded).digest("base64url")}`;
}

describe("signed embed URLs", () => {
  it("read what an application signed as the README says, until it expires", () => {
    const token = signedByApplication(payload, SECRET);
    expect(signEmbed(payload, SECRET)).toBe(token);
    expect(readSignedEmbed(token, SECRET, NOW)).toEqual(payload);
    expect(readSignedEmbed(token, SECRET, payload.exp * 1000)).toBeNull();
    expect(readSignedEmbed(token, "another secret", NOW)).toBeNull();
  });

  it("refuse any change to the payload or the signature, and payloads of another form", () => {
    const token = signEmbed(payload, SECRET);
    const [body, signature] = token.split(".");
    const other = Buffer.from(JSON.stringify({ ...payload, view: 8 })).toString("base64url");
    for (const forged of [
      `${other}.${signature}`,
      `${body}.${signature.slice(0, -1)}A`,
      `${body}.`,
      body,
      `${body}.${signature}.x`,
      "",
    ]) {
      expect(readSignedEmbed(forged, SECRET, NOW), forged).toBeNull();
    }
    for (const bad of [
      { ...payload, view: "7" },
      { ...payload, exp: undefined },
      { ...payload, params: { partner: 1 } },
      { ...payload, origins: ["https://a.example; script-src *"] },
      [payload],
    ]) {
      expect(readSignedEmbed(signedByApplication(bad, SECRET), SECRET, NOW)).toBeNull();
    }
  });

  it("name their sites for the frame policy from the path alone, nothing that is not an origin", () => {
    const token = signEmbed(payload, SECRET);
    expect(signedEmbedOrigins(`/embed/3/${token}`)).toEqual(["https://app.example.com"]);
    expect(
      signedEmbedOrigins(`/embed/3/${signEmbed({ ...payload, origins: [] }, SECRET)}`),
    ).toBeNull();
    expect(signedEmbedOrigins(`/share/3/${token}`)).toBeNull();
    const forged = signedByApplication({ ...payload, origins: ["*"] }, SECRET);
    expect(signedEmbedOrigins(`/embed/3/${forged}`)).toBeNull();
  });
});
