import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { deleteViewAction, saveViewAction } from "./saved-view-actions";

// The action runs as in the app, membership and role read from the database; the session and
// Next's cache are the stand-ins of lib/testing/request-stand-ins.ts.
const session = signedIn;
const form = formData;

describe.each(inject("engines"))("saved views are the team's, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const member = (programId: number, role: "owner" | "manager" | "viewer") =>
    createMember(db.prisma, programId, role);

  it("lets owners and managers save, overwrite and delete views, and refuses viewers", async () => {
    const program = await createProgram(db.prisma);
    const manager = await member(program.id, "manager");
    const viewer = await member(program.id, "viewer");
    const views = () =>
      db.prisma.savedView.findMany({
        where: { programId: program.id },
        select: { id: true, name: true, query: true, userId: true },
      });
    const idle = { status: "idle" } as const;

    session.user = manager;
    expect(
      await saveViewAction.on(db)(
        program.slug,
        "timeframe=any_time",
        idle,
        form({ name: "Team view" }),
      ),
    ).toMatchObject({ status: "saved" });
    const [saved] = await views();
    expect(saved).toMatchObject({ name: "Team view", query: "timeframe=any_time" });

    session.user = viewer;
    const overwrite = await saveViewAction.on(db)(
      program.slug,
      "timeframe=today",
      idle,
      form({ name: "Team view" }),
    );
    expect(overwrite).toEqual({
      status: "error",
      message: expect.stringMatching(/owners and managers/),
    });
    const create = await saveViewAction.on(db)(program.slug, "", idle, form({ name: "Mine" }));
    expect(create.status).toBe("error");
    const remove = await deleteViewAction.on(db)(program.slug, form({ id: String(saved.id) }));
    expect(remove).toMatchObject({ status: "error" });
    expect(remove.message).toMatch(/owners and managers/);
    expect(await views()).toEqual([saved]);

    session.user = manager;
    for (const id of ["99999999999", "1.5", "", "x"]) {
      expect(await deleteViewAction.on(db)(program.slug, form({ id })), id).toEqual({
        status: "error",
        message: expect.stringMatching(/No such saved view/),
      });
    }
    const nul = await saveViewAction.on(db)(program.slug, "", idle, form({ name: "a\u0000b" }));
    expect(nul).toMatchObject({ status: "error", message: expect.stringMatching(/NUL/) });
    expect(await deleteViewAction.on(db)(program.slug, form({ id: String(saved.id) }))).toEqual({
      status: "saved",
    });
    expect(await views()).toEqual([]);
  });
});
