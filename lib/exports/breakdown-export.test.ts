// A breakdown chosen in the URL (`stack_by`, `rows_by`) reaches every file and the drill-down:
// the table grouped by it on screen and in its CSV (with totals) and PDF, the chart's CSV stacked
// by it, each row's drill-down and its actions CSV, and the query a saved view or a delivery
// keeps. Expected values are counted from what the test seeded.
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProgram } from "../testing/factories";
import { postgresTabSources } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getBreakdownTable } from "../stats/get-breakdown-table";
import { getDrillDown } from "../stats/get-drill-down";
import { loadView } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import { buildExport } from "./build-export";

const NOW = Date.parse("2026-03-12T09:00:00Z");
/** Partners: their group, tags and actions (each worth `reward` cents) in March 2026. */
const PARTNERS = [
  { key: "p1", group: "Gold", tags: ["A"], actions: 3, reward: 100 },
  { key: "p2", group: "Gold", tags: ["A", "B"], actions: 2, reward: 250 },
  { key: "p3", group: "Silver", tags: [], actions: 4, reward: 10 },
];
const sumOf = (keys: string[], f: (p: (typeof PARTNERS)[number]) => number) =>
  PARTNERS.filter((p) => keys.includes(p.key)).reduce((s, p) => s + f(p), 0);
const count = (keys: string[]) => sumOf(keys, (p) => p.actions);
const cents = (keys: string[]) => sumOf(keys, (p) => p.actions * p.reward);
const money = (c: number) => (c / 100).toFixed(2);

async function bodyText(result: Awaited<ReturnType<typeof buildExport>>) {
  if (!("body" in result)) throw new Error(`refused: ${result.message}`);
  return new TextDecoder().decode(await new Response(result.body as BodyInit).arrayBuffer());
}
const csvRows = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe.each(inject("engines"))("a breakdown's files and drill-downs on %s", (engine) => {
  let db: TestDatabase;
  let sources: TabSources;
  let program: Awaited<ReturnType<typeof createProgram>>;
  const groupIds: Record<string, number> = {};
  const tagIds: Record<string, number> = {};
  const query = (q: string) => new URLSearchParams(`timeframe=range_2026-03-01_2026-03-12&${q}`);
  /** The query as a page receives it. */
  const raw = (q: string) => Object.fromEntries(query(q));
  const file = async (name: string, q: string) =>
    bodyText(await buildExport(sources, program, name, query(q), NOW));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sources = postgresTabSources(db);
    program = await createProgram(db.prisma, { timezone: "UTC" });
    const programId = program.id;
    for (const name of ["Gold", "Silver"])
      groupIds[name] = (
        await db.prisma.group.create({ data: { programId, key: name, name, slug: name } })
      ).id;
    for (const name of ["A", "B"])
      tagIds[name] = (await db.prisma.tag.create({ data: { programId, name } })).id;
    const type = await db.prisma.actionType.create({ data: { programId, name: "signup" } });
    let n = 0;
    for (const p of PARTNERS) {
      const partnership = await db.prisma.partnership.create({
        data: {
          programId,
          partnerKey: p.key,
          firstName: p.key,
          lastName: "",
          email: `${p.key}@x.test`,
          groupId: groupIds[p.group],
        },
      });
      for (const tag of p.tags)
        await db.prisma.partnershipTag.create({
          data: { programId, partnershipId: partnership.id, tagId: tagIds[tag] },
        });
      await db.prisma.action.createMany({
        data: Array.from({ length: p.actions }, (_, i) => ({
          programId,
          key: `a${n++}`,
          actionTypeId: type.id,
          targetType: "partnership" as const,
          partnershipId: partnership.id,
          occurredAt: new Date(`2026-03-0${i + 2}T12:00:00Z`),
          rewardCents: p.reward,
        })),
      });
    }
  });
  afterAll(() => db.close());

  it("groups the table's rows, on screen and in its CSV with totals, in the screen's order", async () => {
    const view = await loadView(sources, program, raw("rows_by=group"), { now: NOW });
    const screen = await getBreakdownTable(view.scope, view.chart.rows_by!, view.table, null);
    expect(screen.rows.map((r) => [r.label, r.occurrences, r.rewardCents])).toEqual([
      ["Gold", count(["p1", "p2"]), cents(["p1", "p2"])],
      ["Silver", count(["p3"]), cents(["p3"])],
    ]);
    const rows = csvRows(await file("table-with-totals.csv", "rows_by=group&compare=none"));
    expect(rows[0][0]).toBe("Partner group");
    expect(rows[0][1]).toMatch(/^Occurrences for /);
    expect(rows.slice(1)).toEqual([
      ["Gold", String(count(["p1", "p2"])), money(cents(["p1", "p2"]))],
      ["Silver", String(count(["p3"])), money(cents(["p3"]))],
      [
        expect.stringMatching(/^Total/),
        String(count(["p1", "p2", "p3"])),
        money(cents(["p1", "p2", "p3"])),
      ],
    ]);
  });

  it("counts a partner under each of its tags, and one without under No tag", async () => {
    const rows = csvRows(await file("table.csv", "rows_by=tag&sort=name&dir=asc"));
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["A", String(count(["p1", "p2"]))],
      ["B", String(count(["p2"]))],
      ["No tag", String(count(["p3"]))],
    ]);
  });

  it("stacks the chart's CSV by the breakdown, and keeps the stack in the saved query", async () => {
    const [header] = csvRows(await file("chart.csv", "stack_by=tag&compare=none"));
    expect(header.slice(2, 5)).toEqual(["A", "B", "No tag"]);
    const view = await loadView(sources, program, raw("stack_by=tag&rows_by=group"), {
      now: NOW,
    });
    // A saved view and a delivery keep this query: the breakdowns travel with it.
    expect(view.filterQuery).toContain("stack_by=tag");
    expect(view.filterQuery).toContain("rows_by=group");
  });

  it("opens each row's actions: the drill-down and its CSV hold the row's count", async () => {
    for (const [q, expected] of [
      [`by=group&by_key=${groupIds.Gold}`, count(["p1", "p2"])],
      [`by=tag&by_key=${tagIds.B}`, count(["p2"])],
      ["by=tag&by_key=~none", count(["p3"])],
      ["by=partner&by_key=p1", count(["p1"])],
    ] as const) {
      const view = await loadView(sources, program, raw(q), { now: NOW });
      expect(view.warnings).toEqual([]);
      const page = await getDrillDown(view.scope, view.drill);
      expect(page.total, q).toBe(expected);
      expect(csvRows(await file("actions.csv", q)).length - 1, q).toBe(expected);
    }
  });

  it("prints the grouped table in its PDF with the breakdown's title", async () => {
    const result = await buildExport(sources, program, "table.pdf", query("rows_by=group"), NOW);
    if (!("body" in result)) throw new Error(result.message);
    const pdf = await getDocumentProxy(
      new Uint8Array(await new Response(result.body as BodyInit).arrayBuffer()),
    );
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Actions by partner group");
    expect(text).toContain("Gold");
    expect(text).toContain("Silver");
  });
});
