// The audit log's list: newest first on (created_at, id), keyset pages both ways, filters by
// person (an account or a named non-person) and by kind family; the people to filter by.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { auditFamily, type AuditKind } from "./audit-kinds";
import {
  loadAuditParams,
  NO_AUDIT_FILTERS,
  type AuditCursor,
  type AuditFilters,
} from "./audit-params";
import { listAuditEvents } from "./list-audit-events";
import { listAuditPeople } from "./list-audit-people";
import { loadAuditFilters } from "./load-audit-filters";

const KINDS: AuditKind[] = [
  "api_keys.created",
  "members.added",
  "tags.created",
  "groups.updated",
  "deliveries.sent_now",
];

describe.each(inject("engines"))("the audit log list on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  /**
   * A program with 23 entries by three actors, several sharing a timestamp (the id decides),
   * and one entry of another program at the same times.
   */
  async function world() {
    const program = await createProgram(db.prisma);
    const other = await createProgram(db.prisma);
    const ann = await createMember(db.prisma, program.id, "owner");
    const ben = await createMember(db.prisma, program.id, "manager");
    const gone = await createUser(db.prisma, { name: "Gone" });
    const actors = [
      { actorUserId: ann.id, actorLabel: `${ann.name} <${ann.email}>` },
      { actorUserId: ben.id, actorLabel: `${ben.name} <${ben.email}>` },
      { actorUserId: null, actorLabel: "npm run admin" },
      { actorUserId: gone.id, actorLabel: `Gone <${gone.email}>` },
    ];
    const start = Date.UTC(2026, 10, 1, 12);
    const rows = [];
    for (let i = 0; i < 23; i++) {
      rows.push(
        await db.prisma.auditEvent.create({
          data: {
            programId: program.id,
            ...actors[i % 4],
            kind: KINDS[i % KINDS.length],
            summary: `entry ${i}`,
            details: { i },
            // Three entries per minute, and out of id order: time, not id, orders first.
            createdAt: new Date(start + Math.floor((22 - i) / 3) * 60_000),
          },
          select: { id: true, createdAt: true, actorUserId: true, actorLabel: true, kind: true },
        }),
      );
      await db.prisma.auditEvent.create({
        data: {
          programId: other.id,
          ...actors[0],
          kind: "api_keys.created",
          summary: "another program",
          createdAt: new Date(start + i * 60_000),
        },
      });
    }
    // Newest first, computed here: time descending, then id descending.
    const newestFirst = [...rows].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || Number(b.id - a.id),
    );
    return { program, ann, ben, gone, rows: newestFirst };
  }

  /** Every page from the newest to the oldest, then every page back, at `size` per page. */
  async function walk(programId: number, filters: AuditFilters, size: number) {
    const forward: bigint[][] = [];
    let cursor: AuditCursor = null;
    let page = await listAuditEvents(db.prisma, programId, filters, cursor, size);
    expect(page.hasNewer).toBe(false);
    for (;;) {
      forward.push(page.events.map((e) => e.id));
      if (!page.hasOlder) break;
      cursor = { direction: "after", id: page.events.at(-1)!.id };
      page = await listAuditEvents(db.prisma, programId, filters, cursor, size);
      expect(page.hasNewer).toBe(true);
    }
    const backward: bigint[][] = [page.events.map((e) => e.id)];
    while (page.hasNewer) {
      cursor = { direction: "before", id: page.events[0].id };
      page = await listAuditEvents(db.prisma, programId, filters, cursor, size);
      expect(page.hasOlder).toBe(true);
      backward.unshift(page.events.map((e) => e.id));
    }
    return { forward, backward };
  }

  const chunks = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
      list.slice(i * size, (i + 1) * size),
    );

  it("pages newest first, older and newer, to the same pages", async () => {
    const w = await world();
    const ids = w.rows.map((r) => r.id);
    const { forward, backward } = await walk(w.program.id, NO_AUDIT_FILTERS, 5);
    expect(forward).toEqual(chunks(ids, 5));
    // Walking back from the last page: each page the entries just newer than the one before,
    // in order, up to the newest page as it opens.
    expect(backward[0]).toEqual(ids.slice(0, 5));
    for (const page of backward) {
      const at = ids.indexOf(page[0]);
      expect(page).toEqual(ids.slice(at, at + page.length));
    }
    expect(new Set(backward.flat()).size).toBe(ids.length);
    const all = await listAuditEvents(db.prisma, w.program.id, NO_AUDIT_FILTERS, null);
    expect(all.events.map((e) => e.id)).toEqual(ids);
    expect(all).toMatchObject({ hasOlder: false, hasNewer: false, cursorMissing: false });
    expect(all.events[0]).toMatchObject({ summary: expect.stringMatching(/^entry /), details: {} });
    expect(all.events.every((e) => typeof e.details === "object")).toBe(true);
  });

  it("filters by person and by kind family, paging within the filter", async () => {
    const w = await world();
    const cases: [AuditFilters, (r: (typeof w.rows)[number]) => boolean][] = [
      [{ person: { userId: w.ben.id }, family: null }, (r) => r.actorUserId === w.ben.id],
      [{ person: { userId: w.gone.id }, family: null }, (r) => r.actorUserId === w.gone.id],
      [
        { person: { system: "npm run admin" }, family: null },
        (r) => r.actorUserId === null && r.actorLabel === "npm run admin",
      ],
      // Groups and tags are one family.
      [
        { person: null, family: "groups" },
        (r) => r.kind.startsWith("groups.") || r.kind.startsWith("tags."),
      ],
      [
        { person: { userId: w.ann.id }, family: "api_keys" },
        (r) => r.actorUserId === w.ann.id && auditFamily(r.kind as AuditKind) === "api_keys",
      ],
      [{ person: { system: "nobody" }, family: null }, () => false],
    ];
    for (const [filters, keep] of cases) {
      const expected = w.rows.filter(keep).map((r) => r.id);
      const { forward, backward } = await walk(w.program.id, filters, 2);
      expect(forward.flat(), JSON.stringify(filters)).toEqual(expected);
      expect([...new Set(backward.flat())], JSON.stringify(filters)).toEqual(expected);
    }
  });

  it("shows the newest page for a cursor outside the program's log", async () => {
    const w = await world();
    const foreign = await db.prisma.auditEvent.findFirstOrThrow({
      where: { programId: { not: w.program.id } },
    });
    for (const cursor of [
      { direction: "after", id: foreign.id },
      { direction: "before", id: 999_999_999n },
    ] as const) {
      const page = await listAuditEvents(db.prisma, w.program.id, NO_AUDIT_FILTERS, cursor, 5);
      expect(page.cursorMissing).toBe(true);
      expect(page.events.map((e) => e.id)).toEqual(w.rows.slice(0, 5).map((r) => r.id));
    }
  });

  it("offers members and everyone else in the log as people, and drops an unknown one", async () => {
    const w = await world();
    const people = await listAuditPeople(db.prisma, w.program.id);
    expect(people.map((p) => p.value).sort()).toEqual(
      [String(w.ann.id), String(w.ben.id), String(w.gone.id), "system:npm run admin"].sort(),
    );
    expect(people.find((p) => p.value === String(w.gone.id))?.label).toMatch(/no longer a member/);
    // Members first: the two members lead the list.
    expect(
      people
        .slice(0, 2)
        .map((p) => p.value)
        .sort(),
    ).toEqual([String(w.ann.id), String(w.ben.id)].sort());

    const stranger = await createUser(db.prisma);
    const loaded = await loadAuditFilters(db.prisma, w.program.id, {
      person: String(stranger.id),
      kind: "members",
    });
    expect(loaded.filters).toEqual({ person: null, family: "members" });
    expect(loaded.warnings).toEqual([expect.stringMatching(/^Person: /)]);
    const known = await loadAuditFilters(db.prisma, w.program.id, {
      person: "system:npm run admin",
    });
    expect(known).toMatchObject({
      filters: { person: { system: "npm run admin" }, family: null },
      warnings: [],
    });
  });
});

describe("the audit log URL", () => {
  it("reads filters and page position, each bad value a message", () => {
    expect(loadAuditParams({ person: "12", kind: "api_keys", after: "99" })).toEqual({
      filters: { person: { userId: 12 }, family: "api_keys" },
      cursor: { direction: "after", id: 99n },
      warnings: [],
    });
    const bad = loadAuditParams({
      person: "system:",
      kind: "secrets",
      before: "1.5",
    });
    expect(bad.filters).toEqual(NO_AUDIT_FILTERS);
    expect(bad.cursor).toBeNull();
    expect(bad.warnings.map((w) => w.split(":")[0])).toEqual([
      "Person",
      "Kind",
      "Page position (before)",
    ]);
    for (const person of ["0", "-1", "x\u0000y", "a".repeat(400), "1e3"]) {
      expect(loadAuditParams({ person }).warnings, person).toHaveLength(1);
    }
    expect(loadAuditParams({ after: "1", before: "2" })).toMatchObject({
      cursor: null,
      warnings: [expect.stringMatching(/both/)],
    });
    expect(loadAuditParams({ after: "9".repeat(19) }).warnings).toHaveLength(1);
    expect(loadAuditParams({ kind: ["members", "api_keys"] }).filters.family).toBe("members");
  });
});
