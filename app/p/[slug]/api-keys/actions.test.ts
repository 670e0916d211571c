import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { revokeApiKeyAction } from "./actions";

// The action runs as in the app, membership and role read from the database; the session and
// Next's cache are the stand-ins of lib/testing/request-stand-ins.ts.
const session = signedIn;
const form = (id: string) => formData({ id });

describe.each(inject("engines"))("revoking API keys, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const member = (programId: number, role: "owner" | "manager" | "viewer") =>
    createMember(db.prisma, programId, role);

  it("refuses managers and viewers with a message, not an error, and lets owners revoke", async () => {
    const program = await createProgram(db.prisma);
    const key = await createApiKey(db.prisma, program.id, "Backend", "live");
    const revokedAt = async () =>
      (await db.prisma.apiKey.findFirstOrThrow({ where: { programId: program.id } })).revokedAt;

    for (const role of ["manager", "viewer"] as const) {
      session.user = await member(program.id, role);
      expect(await revokeApiKeyAction.on(db)(program.slug, form(String(key.id))), role).toEqual({
        error: "Only program owners can revoke API keys.",
      });
    }
    expect(await revokedAt()).toBeNull();

    session.user = await member(program.id, "owner");
    for (const id of ["99999999999", "-1", "abc"]) {
      expect(await revokeApiKeyAction.on(db)(program.slug, form(id)), id).toEqual({
        error: expect.stringMatching(/No such key/),
      });
    }
    expect(await revokeApiKeyAction.on(db)(program.slug, form(String(key.id)))).toEqual({});
    expect(await revokedAt()).toBeInstanceOf(Date);
  });
});
