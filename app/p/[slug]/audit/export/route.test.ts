// GET /p/{slug}/audit/export over real Requests: the owner's CSV (every entry of the filters,
// across the reader's batches, cells formula-neutralised, times with the program's offset);
// managers 403; another program's log 403, an unknown one 404.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "@/lib/testing/factories";
import { signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

describe.each(inject("engines"))("the audit log CSV on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const download = (slug: string, query = "") =>
    GET.on(db)(new Request(`http://localhost/p/${slug}/audit/export${query}`), {
      params: Promise.resolve({ slug }),
    });

  /** The file's rows; it starts with a UTF-8 byte order mark (for spreadsheet apps). */
  async function csvOf(response: Response) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return Papa.parse<string[]>(new TextDecoder().decode(bytes).trim()).data;
  }

  async function world() {
    const program = await createProgram(db.prisma, { timezone: "America/New_York" });
    const owner = await createMember(db.prisma, program.id, "owner");
    const manager = await createMember(db.prisma, program.id, "manager");
    const entry = (at: string, fields: { kind: string; summary: string; label: string }) =>
      db.prisma.auditEvent.create({
        data: {
          programId: program.id,
          actorUserId: fields.label === "npm run admin" ? null : owner.id,
          actorLabel: fields.label,
          kind: fields.kind,
          summary: fields.summary,
          details: { at },
          createdAt: new Date(at),
        },
      });
    await entry("2026-07-01T12:00:00Z", {
      kind: "api_keys.created",
      summary: '=HYPERLINK("http://evil.example")',
      label: `${owner.name} <${owner.email}>`,
    });
    await entry("2026-01-15T23:30:00Z", {
      kind: "members.added",
      summary: "Added a@b.test as viewer",
      label: "npm run admin",
    });
    return { program, owner, manager };
  }

  it("gives the owner every entry of the filters, newest first", async () => {
    const w = await world();
    signedIn.user = w.owner;
    const response = await download(w.program.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="${w.program.slug}_audit-log_\\d{4}-\\d\\d-\\d\\d\\.csv"`),
    );
    expect(await csvOf(response)).toEqual([
      ["Time", "Person", "Kind", "Summary", "Details"],
      // New York: summer time (UTC−4) in July, standard time (UTC−5) in January.
      [
        "2026-07-01T08:00:00-04:00",
        `${w.owner.name} <${w.owner.email}>`,
        "api_keys.created",
        '\'=HYPERLINK("http://evil.example")',
        JSON.stringify({ at: "2026-07-01T12:00:00Z" }),
      ],
      [
        "2026-01-15T18:30:00-05:00",
        "npm run admin",
        "members.added",
        "Added a@b.test as viewer",
        JSON.stringify({ at: "2026-01-15T23:30:00Z" }),
      ],
    ]);

    const filtered = await csvOf(await download(w.program.slug, "?kind=members&after=1"));
    expect(filtered.map((r) => r[2])).toEqual(["Kind", "members.added"]);
    const byPerson = await csvOf(
      await download(w.program.slug, `?person=${encodeURIComponent("system:npm run admin")}`),
    );
    expect(byPerson.map((r) => r[1])).toEqual(["Person", "npm run admin"]);
  });

  it("streams a long log whole, across the reader's batches", async () => {
    const w = await world();
    await db.prisma.$executeRaw`
      INSERT INTO audit_events (program_id, actor_label, kind, summary, created_at)
      SELECT ${w.program.id}, 'npm run admin', 'members.added', 'bulk ' || n,
        timestamptz '2025-01-01 00:00:00+00' + n * interval '1 second'
      FROM generate_series(1, 2345) AS n`;
    signedIn.user = w.owner;
    const rows = await csvOf(await download(w.program.slug, "?kind=members"));
    const summaries = rows.slice(1).map((r) => r[3]);
    // Newest first: the January entry, then bulk 2345 down to bulk 1.
    expect(summaries).toEqual([
      "Added a@b.test as viewer",
      ...Array.from({ length: 2345 }, (_, i) => `bulk ${2345 - i}`),
    ]);
  });

  it("refuses managers (403), members of another program (403) and unknown programs (404)", async () => {
    const w = await world();
    const other = await createProgram(db.prisma);
    signedIn.user = w.manager;
    await expect(download(w.program.slug)).rejects.toThrow(/403|forbidden/);
    signedIn.user = await createMember(db.prisma, other.id, "owner");
    await expect(download(w.program.slug)).rejects.toThrow(/403|forbidden/);
    await expect(download("no-such-program")).rejects.toThrow(/404/);
    signedIn.user = null;
    await expect(download(w.program.slug)).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
