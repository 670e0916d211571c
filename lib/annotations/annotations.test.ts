// Notes on the chart's time axis: managers' notes by local day, and the changes of reward rules,
// groups and settings read from the audit log — within the view's range, of the program's own,
// on each database.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAudit } from "../audit/record-audit";
import { createGroup } from "../groups/create-group";
import { auditEntries } from "../testing/audit-entries";
import { createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { newAnnotation } from "./annotation-input";
import { createAnnotation, deleteAnnotation } from "./change-annotation";
import { noteMarkers, notesOnChart } from "./chart-notes";
import { listAnnotations } from "./list-annotations";

const at = (iso: string) => new Date(iso).getTime();
const EVERYTHING = { start: null, end: null };

describe.each(inject("engines"))("notes on the chart, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  async function programWithManager(timezone = "America/New_York") {
    const program = await createProgram(db.prisma, { timezone });
    const user = await createUser(db.prisma);
    return { program, actor: { id: user.id, name: user.name, email: user.email } };
  }

  it("lists a manager's notes by local day within the view's range, and only the program's", async () => {
    const { program, actor } = await programWithManager();
    const other = await programWithManager();
    await createAnnotation(db.prisma, program.id, actor, { day: "2026-02-28", text: "Launch" });
    await createAnnotation(db.prisma, program.id, actor, { day: "2026-03-02", text: "Outage" });
    await createAnnotation(db.prisma, other.program.id, other.actor, {
      day: "2026-03-01",
      text: "Not yours",
    });
    // March in New York: 1 March 05:00 UTC to 1 April 04:00 UTC.
    const march = { start: at("2026-03-01T05:00:00Z"), end: at("2026-04-01T04:00:00Z") };
    const inMarch = await listAnnotations(db.prisma, program, march);
    expect(inMarch.map((n) => [n.day, n.text, n.origin, n.author])).toEqual([
      ["2026-03-02", "Outage", "manual", actor.name],
    ]);
    const all = await listAnnotations(db.prisma, program, EVERYTHING);
    expect(all.map((n) => n.text)).toEqual(["Launch", "Outage"]);
    expect(all.every((n) => n.noteId !== null)).toBe(true);
    // Each is in the audit log.
    const entries = await auditEntries(db.prisma, program.id);
    expect(entries.filter((e) => e.kind === "annotations.created")).toHaveLength(2);
  });

  it("notes changes of reward rules, groups and settings on their local day, not other changes", async () => {
    const { program, actor } = await programWithManager();
    const made = await createGroup(db.prisma, program.id, { name: "Resellers" }, actor);
    expect(made.ok).toBe(true);
    await recordAudit(db.prisma, {
      programId: program.id,
      actor,
      kind: "api_keys.created",
      summary: "Created an API key",
    });
    await recordAudit(db.prisma, {
      programId: program.id,
      actor: { system: "npm run admin" },
      kind: "program.updated",
      summary: "Changed the time zone",
    });
    // 03:00 UTC on 1 March is still 28 February in New York.
    await db.prisma.auditEvent.updateMany({
      where: { programId: program.id, kind: "program.updated" },
      data: { createdAt: new Date("2026-03-01T03:00:00Z") },
    });
    const notes = await listAnnotations(db.prisma, program, EVERYTHING);
    expect(notes.map((n) => [n.origin, n.text, n.author])).toEqual([
      ["program_settings", "Changed the time zone", null],
      ["group", expect.stringContaining("Resellers"), actor.name],
    ]);
    expect(notes[0].day).toBe("2026-02-28");
    expect(notes.every((n) => n.noteId === null)).toBe(true);
    // Outside the range, not listed.
    const before = { start: null, end: at("2026-02-01T05:00:00Z") };
    expect(await listAnnotations(db.prisma, program, before)).toEqual([]);
  });

  it("deletes only the program's own notes, with an audit entry", async () => {
    const { program, actor } = await programWithManager();
    const other = await programWithManager();
    const id = await createAnnotation(db.prisma, program.id, actor, {
      day: "2026-01-05",
      text: "Mine",
    });
    expect(await deleteAnnotation(db.prisma, other.program.id, id, other.actor)).toBe(false);
    expect(await listAnnotations(db.prisma, program, EVERYTHING)).toHaveLength(1);
    expect(await deleteAnnotation(db.prisma, program.id, id, actor)).toBe(true);
    expect(await listAnnotations(db.prisma, program, EVERYTHING)).toEqual([]);
    expect(await deleteAnnotation(db.prisma, program.id, id, actor)).toBe(false);
    const kinds = (await auditEntries(db.prisma, program.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "annotations.deleted")).toHaveLength(1);
  });
});

describe("a note's input and its place on a chart", () => {
  it("takes a real day and a short storable text", () => {
    expect(newAnnotation.parse({ day: " 2026-02-28 ", text: " Launch " })).toEqual({
      day: "2026-02-28",
      text: "Launch",
    });
    for (const day of ["2026-02-30", "2026-2-1", "1969-12-31", "", "tomorrow"])
      expect(newAnnotation.safeParse({ day, text: "x" }).success, day).toBe(false);
    for (const text of ["", "   ", "x".repeat(281), "a\u0000b"])
      expect(newAnnotation.safeParse({ day: "2026-01-01", text }).success, text).toBe(false);
  });

  it("stands on the bar of its day's bucket, numbered in time order", () => {
    const rows = [{ bucket: "2026-01-05" }, { bucket: "2026-01-12" }, { bucket: "2026-01-19" }];
    const note = (day: string, text: string) => ({
      id: text,
      day,
      text,
      origin: "manual" as const,
      author: null,
      createdAt: 0,
      noteId: 1,
    });
    const notes = notesOnChart(
      [
        note("2026-01-04", "before"),
        note("2026-01-06", "a"),
        note("2026-01-11", "b"),
        note("2026-01-20", "c"),
      ],
      rows,
      "week",
    );
    expect(notes.map((n) => [n.text, n.n, n.i])).toEqual([
      ["a", 1, 0],
      ["b", 2, 0],
      ["c", 3, 2],
    ]);
    expect(noteMarkers(notes).map(({ i, label }) => [i, label])).toEqual([
      [0, "1+"],
      [2, "3"],
    ]);
    expect(noteMarkers(notes)[0].title).toBe("1. 6 Jan 2026 · Note — a\n2. 11 Jan 2026 · Note — b");
  });
});
