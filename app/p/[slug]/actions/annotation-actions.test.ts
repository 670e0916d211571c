import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { addAnnotationAction, deleteAnnotationAction } from "./annotation-actions";

const idle = { status: "idle" } as const;
const EVERYTHING = { start: null, end: null };

describe.each(inject("engines"))("notes on the chart from the tab's form, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("lets owners and managers add and delete notes; viewers only read them", async () => {
    const program = await createProgram(db.prisma);
    const manager = await createMember(db.prisma, program.id, "manager");
    const viewer = await createMember(db.prisma, program.id, "viewer");
    const notes = () => listAnnotations(db.prisma, program, EVERYTHING);

    signedIn.user = viewer;
    const refused = await addAnnotationAction.on(db)(
      program.slug,
      idle,
      formData({ day: "2026-03-02", text: "Outage" }),
    );
    expect(refused).toEqual({ status: "error", message: expect.stringMatching(/owners and/) });
    expect(await notes()).toEqual([]);

    signedIn.user = manager;
    const added = await addAnnotationAction.on(db)(
      program.slug,
      idle,
      formData({ day: "2026-03-02", text: "Outage" }),
    );
    expect(added).toEqual({ status: "saved", message: "Noted on 2026-03-02." });
    const [note] = await notes();
    expect(note).toMatchObject({ day: "2026-03-02", text: "Outage", author: manager.name });

    const bad = await addAnnotationAction.on(db)(
      program.slug,
      idle,
      formData({ day: "2026-02-30", text: "x" }),
    );
    expect(bad).toMatchObject({ status: "error", field: "day" });

    signedIn.user = viewer;
    const keep = await deleteAnnotationAction.on(db)(
      program.slug,
      idle,
      formData({ id: String(note.noteId) }),
    );
    expect(keep).toMatchObject({ status: "error" });
    expect(await notes()).toHaveLength(1);

    signedIn.user = manager;
    for (const id of ["99999999999", "1.5", "", "x"]) {
      const none = await deleteAnnotationAction.on(db)(program.slug, idle, formData({ id }));
      expect(none, id).toMatchObject({ status: "error", message: "No such note in this program." });
    }
    const deleted = await deleteAnnotationAction.on(db)(
      program.slug,
      idle,
      formData({ id: String(note.noteId) }),
    );
    expect(deleted).toEqual({ status: "saved", message: "Deleted." });
    expect(await notes()).toEqual([]);
  });
});
