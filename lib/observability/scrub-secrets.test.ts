// A value named like a secret (`password`, `…_secret`, `…token`) is removed whole, wherever the
// name appears: as a JSON field, as JSON inside a logged string, in a form or in prose; and the log
// line stays one valid JSON object whatever the value's type.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.mjs";
import { REDACTED, scrubSecrets } from "./scrub-secrets.mjs";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ destination, format: "json", level: "debug" }), lines };
}

describe("removing values named like secrets", () => {
  it("removes the whole value, spaces and escaped quotes included", () => {
    const passphrase = "correct horse battery staple";
    const { log, lines } = capture();
    // Deeper than the logger's redacted paths: only the scrubbing of the line catches them.
    log.info({ request: { form: { new_password: passphrase } } }, "nested field");
    log.info({ body: JSON.stringify({ email: "a@b.test", password: passphrase }) }, "a JSON body");
    log.info(
      { request: { client: { client_secret: 'se"cret with "quotes" inside' } } },
      "a quoted value",
    );
    const text = lines.join("\n");
    for (const word of ["horse", "battery", "staple", "with", "quotes", "inside"]) {
      expect(text, word).not.toContain(word);
    }
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      "nested field",
      "a JSON body",
      "a quoted value",
    ]);
    expect(JSON.parse(JSON.parse(lines[1]).body)).toEqual({
      email: "a@b.test",
      password: REDACTED,
    });
  });

  it("keeps every line valid JSON when such a field holds a number, a boolean or null", () => {
    const { log, lines } = capture();
    log.info({ job: { has_token: true, pin_password: 123456, reset_token: null } }, "flags");
    log.info({ body: JSON.stringify({ user_password: 987654, api_secret: false }) }, "in a string");
    const [flags, inString] = lines.map((line) => JSON.parse(line));
    expect(flags.job).toEqual({
      has_token: REDACTED,
      pin_password: REDACTED,
      reset_token: REDACTED,
    });
    expect(JSON.parse(inString.body)).toEqual({ user_password: REDACTED, api_secret: REDACTED });
    expect(lines.join("\n")).not.toMatch(/123456|987654/);
  });

  it("removes them in forms, query strings and prose, and leaves other words alone", () => {
    expect(scrubSecrets("email=a%40b.test&password=hunter2&remember=1")).toBe(
      `email=a%40b.test&password=${REDACTED}&remember=1`,
    );
    expect(scrubSecrets("open /setup?token=abcdef123456 now")).toBe(
      `open /setup?token=${REDACTED} now`,
    );
    expect(scrubSecrets("the secret: s3cr3t-value, then more")).toBe(
      `the secret: ${REDACTED}, then more`,
    );
    const plain = '{"msg":"password reset email sent","tokens":3}';
    expect(scrubSecrets(plain)).toBe(plain);
  });
});
