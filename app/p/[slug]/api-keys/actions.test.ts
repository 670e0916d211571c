import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createApiKeyAction, revokeApiKeyAction, type CreateKeyState } from "./actions";

// The action runs as in the app, membership and role read from the database; the session and
// Next's cache are the stand-ins of lib/testing/request-stand-ins.ts.
const session = signedIn;
const form = (id: string) => formData({ id });
const idle: CreateKeyState = { status: "idle" };

describe.each(inject("engines"))("API key actions, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const member = (programId: number, role: "owner" | "manager" | "viewer") =>
    createMember(db.prisma, programId, role);

  it("refuses managers and viewers with a message, not an error, and lets owners revoke", async () => {
    const program = await createProgram(db.prisma);
    const key = await createApiKey(db.prisma, program.id, "Backend", "live", { system: "test" });
    const revokedAt = async () =>
      (await db.prisma.apiKey.findFirstOrThrow({ where: { programId: program.id } })).revokedAt;

    for (const role of ["manager", "viewer"] as const) {
      session.user = await member(program.id, role);
      expect(await revokeApiKeyAction.on(db)(program.slug, form(String(key.id))), role).toEqual({
        status: "error",
        message: "Only program owners can revoke API keys.",
      });
    }
    expect(await revokedAt()).toBeNull();

    session.user = await member(program.id, "owner");
    for (const id of ["99999999999", "-1", "abc"]) {
      expect(await revokeApiKeyAction.on(db)(program.slug, form(id)), id).toEqual({
        status: "error",
        message: expect.stringMatching(/No such key/),
      });
    }
    expect(await revokeApiKeyAction.on(db)(program.slug, form(String(key.id)))).toEqual({
      status: "saved",
    });
    expect(await revokedAt()).toBeInstanceOf(Date);
  });

  it("writes who created and revoked each key in the audit log, never the secret, and nothing on a refusal", async () => {
    const program = await createProgram(db.prisma);
    const other = await createProgram(db.prisma);
    const otherKey = await createApiKey(db.prisma, other.id, "Theirs", "live", { system: "t" });
    const manager = await member(program.id, "manager");
    const owner = await member(program.id, "owner");

    session.user = manager;
    const create = (label: string) =>
      createApiKeyAction.on(db)(program.slug, idle, formData({ label, mode: "test" }));
    expect(await create("Refused")).toMatchObject({ status: "error" });
    session.user = owner;
    expect(await create("")).toMatchObject({ status: "error" });
    expect(await auditEntries(db.prisma, program.id)).toEqual([]);

    const created = await create("Staging");
    if (created.status !== "created") throw new Error(`not created: ${JSON.stringify(created)}`);
    const key = await db.prisma.apiKey.findUniqueOrThrow({
      where: { publicKey: created.publicKey },
    });
    // Another program's key and a key revoked already: no change, so no entry.
    await revokeApiKeyAction.on(db)(program.slug, form(String(otherKey.id)));
    await revokeApiKeyAction.on(db)(program.slug, form(String(key.id)));
    await revokeApiKeyAction.on(db)(program.slug, form(String(key.id)));

    const entries = await auditEntries(db.prisma, program.id);
    const facts = { keyId: key.id, label: "Staging", mode: "test", publicKey: created.publicKey };
    expect(entries).toEqual([
      {
        kind: "api_keys.created",
        actorUserId: owner.id,
        actorLabel: `${owner.name} <${owner.email}>`,
        summary: "Created test API key “Staging”",
        details: facts,
      },
      {
        kind: "api_keys.revoked",
        actorUserId: owner.id,
        actorLabel: `${owner.name} <${owner.email}>`,
        summary: "Revoked API key “Staging”",
        details: facts,
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(created.secret);
    // The other program's key was only created (by its own call), never revoked from here.
    expect((await auditEntries(db.prisma, other.id)).map((e) => e.kind)).toEqual([
      "api_keys.created",
    ]);
  });
});
