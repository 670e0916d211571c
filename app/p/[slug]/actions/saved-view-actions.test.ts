import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  deleteViewAction,
  renameViewAction,
  saveViewAction,
  updateViewAction,
} from "./saved-view-actions";

// The action runs as in the app, membership and role read from the database; the session and
// Next's cache are the stand-ins of lib/testing/request-stand-ins.ts.
const session = signedIn;
const form = formData;
const idle = { status: "idle" } as const;
const label = (u: { name: string; email: string }) => `${u.name} <${u.email}>`;

describe.each(inject("engines"))("saved views are the team's, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const member = (programId: number, role: "owner" | "manager" | "viewer") =>
    createMember(db.prisma, programId, role);
  const viewsOf = (programId: number) =>
    db.prisma.savedView.findMany({
      where: { programId },
      select: { id: true, name: true, query: true, userId: true },
      orderBy: { id: "asc" },
    });

  it("lets owners and managers save and delete views, and refuses viewers", async () => {
    const program = await createProgram(db.prisma);
    const manager = await member(program.id, "manager");
    const viewer = await member(program.id, "viewer");

    session.user = manager;
    const saved = await saveViewAction.on(db)(
      program.slug,
      "timeframe=any_time",
      idle,
      form({ name: "Team view" }),
    );
    const [view] = await viewsOf(program.id);
    expect(saved).toEqual({ status: "saved", message: "Saved “Team view”.", id: view.id });
    expect(view).toMatchObject({ name: "Team view", query: "timeframe=any_time" });

    session.user = viewer;
    const create = await saveViewAction.on(db)(program.slug, "", idle, form({ name: "Mine" }));
    expect(create).toEqual({ status: "error", message: expect.stringMatching(/owners and/) });
    const remove = await deleteViewAction.on(db)(program.slug, idle, form({ id: String(view.id) }));
    expect(remove).toEqual({ status: "error", message: expect.stringMatching(/owners and/) });
    expect(await viewsOf(program.id)).toEqual([view]);

    session.user = manager;
    for (const id of ["99999999999", "1.5", "", "x", "99999"]) {
      expect(await deleteViewAction.on(db)(program.slug, idle, form({ id })), id).toEqual({
        status: "error",
        message: "No such saved view in this program.",
        field: "id",
      });
    }
    const nul = await saveViewAction.on(db)(program.slug, "", idle, form({ name: "a\u0000b" }));
    expect(nul).toMatchObject({
      status: "error",
      field: "name",
      message: expect.stringMatching(/NUL/),
    });
    expect(
      await deleteViewAction.on(db)(program.slug, idle, form({ id: String(view.id) })),
    ).toMatchObject({ status: "saved" });
    expect(await viewsOf(program.id)).toEqual([]);
  });

  it("stores the filters as the tab reads them, and refuses a name in use by its field", async () => {
    const program = await createProgram(db.prisma);
    session.user = await member(program.id, "owner");
    // Defaults left out, a bad timescale dropped, keys in the tab's order, table keys ignored.
    const raw = "page=3&timescale=fortnight&timeframe=past_7_days&marketplace=yes&view=12";
    await saveViewAction.on(db)(program.slug, raw, idle, form({ name: "Week" }));
    const [week] = await viewsOf(program.id);
    expect(week.query).toBe("timeframe=past_7_days&marketplace=yes");

    const again = await saveViewAction.on(db)(program.slug, "", idle, form({ name: " Week " }));
    expect(again).toEqual({
      status: "error",
      field: "name",
      message: expect.stringMatching(/^A view named “Week” already exists/),
    });
    expect(await viewsOf(program.id)).toEqual([week]);
    const blank = await saveViewAction.on(db)(program.slug, "", idle, form({ name: "  " }));
    expect(blank).toEqual({ status: "error", field: "name", message: "Name the view" });
  });

  it("updates and renames a view, with audit entries; refusals name their field", async () => {
    const program = await createProgram(db.prisma);
    const owner = await member(program.id, "owner");
    const viewer = await member(program.id, "viewer");
    session.user = owner;
    await saveViewAction.on(db)(program.slug, "timeframe=today", idle, form({ name: "Daily" }));
    await saveViewAction.on(db)(program.slug, "", idle, form({ name: "Default" }));
    const [daily, other] = await viewsOf(program.id);
    const id = String(daily.id);
    const update = (query: string) =>
      updateViewAction.on(db)(program.slug, query, idle, form({ id }));

    // Viewers are refused, and nothing changes.
    session.user = viewer;
    const viewerUpdate = await update("timeframe=yesterday");
    expect(viewerUpdate).toEqual({ status: "error", message: expect.stringMatching(/owners and/) });
    const viewerRename = await renameViewAction.on(db)(program.slug, idle, form({ id, name: "X" }));
    expect(viewerRename.status).toBe("error");
    expect(await viewsOf(program.id)).toEqual([daily, other]);

    session.user = owner;
    const updated = await update("timeframe=yesterday&timescale=week");
    expect(updated).toMatchObject({ status: "saved", id: daily.id });
    // The same filters again: no change, no entry.
    expect(await update("timescale=week&timeframe=yesterday")).toMatchObject({ status: "saved" });
    const renamed = await renameViewAction.on(db)(
      program.slug,
      idle,
      form({ id, name: " Yesterday " }),
    );
    expect(renamed).toEqual({ status: "saved", message: "Renamed to “Yesterday”.", id: daily.id });
    expect((await viewsOf(program.id))[0]).toEqual({
      ...daily,
      name: "Yesterday",
      query: "timescale=week&timeframe=yesterday",
    });

    // A name another view has, a view of no one, a bad id: refused by field, nothing changed.
    expect(
      await renameViewAction.on(db)(program.slug, idle, form({ id, name: "Default" })),
    ).toEqual({
      status: "error",
      field: "name",
      message: expect.stringMatching(/^A view named “Default” already exists/),
    });
    const foreign = await createProgram(db.prisma);
    const foreignView = await db.prisma.savedView.create({
      data: { programId: foreign.id, userId: owner.id, name: "Theirs", query: "" },
    });
    for (const bad of [String(foreignView.id), "0", "abc"]) {
      const rename = await renameViewAction.on(db)(
        program.slug,
        idle,
        form({ id: bad, name: "Z" }),
      );
      const update = await updateViewAction.on(db)(program.slug, "", idle, form({ id: bad }));
      for (const answer of [rename, update]) {
        expect(answer, bad).toEqual({
          status: "error",
          field: "id",
          message: "No such saved view in this program.",
        });
      }
    }
    const tooLong = await renameViewAction.on(db)(
      program.slug,
      idle,
      form({ id, name: "x".repeat(81) }),
    );
    expect(tooLong).toEqual({ status: "error", field: "name", message: "At most 80 characters" });
    await deleteViewAction.on(db)(program.slug, idle, form({ id: String(other.id) }));
    expect(
      await db.prisma.savedView.findUnique({
        where: { programId_id: { programId: foreign.id, id: foreignView.id } },
      }),
    ).not.toBeNull();

    const by = { actorUserId: owner.id, actorLabel: label(owner) };
    expect(await auditEntries(db.prisma, program.id)).toEqual([
      {
        ...by,
        kind: "saved_views.created",
        summary: "Saved the view “Daily”",
        details: { id: daily.id, name: "Daily", query: "timeframe=today" },
      },
      {
        ...by,
        kind: "saved_views.created",
        summary: "Saved the view “Default”",
        details: { id: other.id, name: "Default", query: "" },
      },
      {
        ...by,
        kind: "saved_views.updated",
        summary: "Updated the filters of the view “Daily”",
        details: {
          id: daily.id,
          name: "Daily",
          before: "timeframe=today",
          after: "timescale=week&timeframe=yesterday",
        },
      },
      {
        ...by,
        kind: "saved_views.renamed",
        summary: "Renamed the view “Daily” to “Yesterday”",
        details: { id: daily.id, before: "Daily", after: "Yesterday" },
      },
      {
        ...by,
        kind: "saved_views.deleted",
        summary: "Deleted the view “Default”",
        details: { id: other.id, name: "Default", query: "", schedules: 0 },
      },
    ]);
  });
});
