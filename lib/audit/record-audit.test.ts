// recordAudit: one entry per call, the actor copied as text (so it reads the same after the person
// is renamed or leaves), and written by the caller's transaction — a change rolled back leaves no
// entry behind.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "../testing/factories";
import { auditEntries } from "../testing/audit-entries";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { recordAudit } from "./record-audit";

describe.each(inject("engines"))("recordAudit on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("keeps who, what and when, the person's name as it was", async () => {
    const program = await createProgram(db.prisma);
    const owner = await createMember(db.prisma, program.id, "owner");
    const before = Date.now();
    await recordAudit(db.prisma, {
      programId: program.id,
      actor: owner,
      kind: "api_keys.created",
      summary: "Created live API key “Backend”",
      details: { keyId: 7, nested: { list: [1, "two", null] } },
    });
    await recordAudit(db.prisma, {
      programId: program.id,
      actor: { system: "npm run admin" },
      kind: "members.added",
      summary: "Added ana@example.test as viewer",
    });
    await db.prisma.user.update({ where: { id: owner.id }, data: { name: "Renamed" } });

    expect(await auditEntries(db.prisma, program.id)).toEqual([
      {
        kind: "api_keys.created",
        actorUserId: owner.id,
        actorLabel: `${owner.name} <${owner.email}>`,
        summary: "Created live API key “Backend”",
        details: { keyId: 7, nested: { list: [1, "two", null] } },
      },
      {
        kind: "members.added",
        actorUserId: null,
        actorLabel: "npm run admin",
        summary: "Added ana@example.test as viewer",
        details: {},
      },
    ]);
    const times = await db.prisma.auditEvent.findMany({
      where: { programId: program.id },
      select: { createdAt: true },
    });
    for (const { createdAt } of times) {
      expect(createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it("is part of the caller's transaction: rolled back with the change", async () => {
    const program = await createProgram(db.prisma);
    const failed = db.prisma.$transaction(async (tx) => {
      await tx.program.update({ where: { id: program.id }, data: { name: "Changed" } });
      await recordAudit(tx, {
        programId: program.id,
        actor: { system: "test" },
        kind: "program.updated",
        summary: "Renamed the program",
      });
      throw new Error("the change failed after its entry was written");
    });
    await expect(failed).rejects.toThrow(/the change failed/);
    expect(await auditEntries(db.prisma, program.id)).toEqual([]);
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: program.id } })).name).toBe(
      program.name,
    );
  });

  it("goes with its program", async () => {
    const program = await createProgram(db.prisma);
    await recordAudit(db.prisma, {
      programId: program.id,
      actor: { system: "test" },
      kind: "program.created",
      summary: "Created",
    });
    await db.prisma.program.delete({ where: { id: program.id } });
    expect(await db.prisma.auditEvent.count({ where: { programId: program.id } })).toBe(0);
  });
});
