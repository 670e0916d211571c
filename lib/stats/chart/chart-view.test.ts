// The chart of a real view: each type keeps its program colour whatever the view, hidden series
// are only not drawn (numbers unchanged, files drop them and say so), the bucket under way is
// named "so far". Expected values come from what the test seeded, not from the code under test.
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProgram } from "../../testing/factories";
import { postgresTabSources } from "../../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { buildExport } from "../../exports/build-export";
import { getSeries } from "../get-series";
import { getSummary } from "../get-summary";
import { loadView } from "../load-view";
import type { TabSources } from "../sources";
import { SERIES_PALETTE } from "./series-colors";

/** Created in this order, which is not name order: colours follow creation. */
const TYPES = ["zeta", "alpha", "mid"];
/** Actions per type and day of March 2026 (noon UTC: the same date in Berlin). */
const COUNTS: Record<string, Record<string, number>> = {
  zeta: { "2026-03-02": 40, "2026-03-10": 25 },
  alpha: { "2026-03-02": 1, "2026-03-11": 3 },
  mid: { "2026-03-10": 2 },
};
const NOW = Date.parse("2026-03-12T09:00:00Z");

async function bodyText(result: Awaited<ReturnType<typeof buildExport>>) {
  if (!("body" in result)) throw new Error(`refused: ${result.message}`);
  return new Response(result.body as BodyInit).arrayBuffer();
}

describe.each(inject("engines"))("the chart of a view on %s", (engine) => {
  let db: TestDatabase;
  let sources: TabSources;
  let program: Awaited<ReturnType<typeof createProgram>>;
  let partners: number[];
  let typeIds: Record<string, number>;
  const view = (query: Record<string, string>, partnershipId?: number) =>
    loadView(sources, program, query, { now: NOW, partnershipId });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sources = postgresTabSources(db);
    program = await createProgram(db.prisma, { timezone: "Europe/Berlin" });
    const programId = program.id;
    const group = await db.prisma.group.create({
      data: { programId, key: "g", name: "G", slug: "g" },
    });
    partners = [];
    for (const key of ["p1", "p2"]) {
      const p = await db.prisma.partnership.create({
        data: {
          programId,
          partnerKey: key,
          firstName: key,
          lastName: "",
          email: `${key}@x.test`,
          groupId: group.id,
        },
      });
      partners.push(p.id);
    }
    typeIds = {};
    for (const name of TYPES)
      typeIds[name] = (await db.prisma.actionType.create({ data: { programId, name } })).id;
    let n = 0;
    for (const [type, days] of Object.entries(COUNTS))
      for (const [day, count] of Object.entries(days))
        await db.prisma.action.createMany({
          data: Array.from({ length: count }, (_, i) => ({
            programId,
            key: `a${n++}`,
            actionTypeId: typeIds[type],
            targetType: "partnership" as const,
            partnershipId: partners[i % 2],
            occurredAt: new Date(`${day}T12:00:00Z`),
          })),
        });
  });
  afterAll(() => db.close());

  it("gives each type its program colour, the same on every view and on a partner page", async () => {
    const views = [
      await view({ timeframe: "any_time" }),
      await view({
        timeframe: "any_time",
        action_type: String(typeIds.zeta),
        action_type_op: "exclude",
      }),
      await view({ timeframe: "range_2026-03-09_2026-03-12", timescale: "week" }),
      await view({ timeframe: "any_time" }, partners[1]),
    ];
    const expected = Object.fromEntries(TYPES.map((t, i) => [t, SERIES_PALETTE[i]]));
    for (const v of views) {
      const series = await getSeries(v.scope);
      expect(series.types.length).toBeGreaterThan(0);
      for (const t of series.types) expect(series.colors[t]).toBe(expected[t]);
    }
    expect(new Set(Object.values(expected)).size).toBe(TYPES.length);
  });

  it("hides series without changing a number, and drops unknown names with a warning", async () => {
    const plain = await view({ timeframe: "any_time" });
    const hiding = await view({ timeframe: "any_time", hidden: "zeta,nope,~other" });
    expect(hiding.warnings).toEqual([
      "Hidden series: some names are not action types of this program and were ignored.",
    ]);
    expect(hiding.scope.hiddenSeries).toEqual(["zeta", "Other types"]);
    expect(hiding.filterQuery).toContain("hidden=zeta,~other");
    expect(hiding.exportQuery).toContain("hidden=zeta,~other");
    const [a, b] = [await getSeries(plain.scope), await getSeries(hiding.scope)];
    expect(b.hidden).toEqual(["zeta"]);
    expect(b.rows).toEqual(a.rows);
    expect(await getSummary(hiding.scope)).toEqual(await getSummary(plain.scope));
  });

  it("ignores a malformed hidden list with the tab's warning", async () => {
    const v = await view({ timeframe: "any_time", hidden: "zeta,bad~name" });
    expect(v.warnings).toEqual([
      "Hidden series: “zeta,bad~name” is not a valid value. It was ignored.",
    ]);
    expect(v.scope.hiddenSeries).toEqual([]);
  });

  it("leaves hidden series out of the chart's CSV and PDF, and says so", async () => {
    const query = new URLSearchParams(
      "timeframe=range_2026-03-01_2026-03-12&hidden=zeta&compare=none",
    );
    const csv = await bodyText(await buildExport(sources, program, "chart.csv", query, NOW));
    const rows = Papa.parse<string[]>(new TextDecoder().decode(csv).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual([
      "Day starting (Europe/Berlin)",
      "Period",
      "alpha",
      "mid",
      "Total of shown series (hidden: zeta)",
    ]);
    const byDay = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(rows.length - 1).toBe(11);
    for (const [day, row] of byDay) {
      const alpha = COUNTS.alpha[day] ?? 0;
      const mid = COUNTS.mid[day] ?? 0;
      expect(row.slice(2).map(Number)).toEqual([alpha, mid, alpha + mid]);
    }
    expect(byDay.get("2026-03-02")![1]).toBe("2 Mar 2026");
    const pdf = await bodyText(await buildExport(sources, program, "chart.pdf", query, NOW));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    expect((text as string).replace(/\s+/g, " ")).toContain(
      "Hidden in this chart (not drawn; the numbers and tables include them): zeta.",
    );
  });

  it("names the bucket under way “so far”, in the CSV too", async () => {
    const v = await view({ timeframe: "this_month", timescale: "month" });
    const series = await getSeries(v.scope);
    expect(series.partialBucket).toBe("2026-03-01");
    const query = new URLSearchParams("timeframe=this_month&timescale=month");
    const csv = new TextDecoder().decode(
      await bodyText(await buildExport(sources, program, "chart.csv", query, NOW)),
    );
    expect(csv).toContain("Mar 2026 (so far)");
    const past = await getSeries((await view({ timeframe: "last_month" })).scope);
    expect(past.partialBucket).toBeNull();
  });
});
