import Papa from "papaparse";
import { unzipSync, strFromU8 } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedTabProgram, type ModelAction } from "../testing/tab-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { loadView } from "../stats/load-view";
import { getOccurrenceTable, TABLE_PAGE_SIZE } from "../stats/get-occurrence-table";
import { getSummary } from "../stats/get-summary";
import type { TabSources } from "../stats/sources";
import { postgresTabSources } from "../testing/test-analytics";
import { buildExport } from "./build-export";
import { exportResponse } from "./export-response";

type Fixture = Awaited<ReturnType<typeof seedTabProgram>>;

const live = (f: Fixture, partner: (p: Fixture["partners"][number]) => boolean = () => true) => {
  const byId = new Map(f.partners.map((p) => [p.id, p]));
  return f.actions.filter((a) => !a.archived && partner(byId.get(a.partnerId)!));
};
const cents = (actions: ModelAction[]) => actions.reduce((s, a) => s + a.rewardCents, 0);
const money = (c: number) => (c / 100).toFixed(2);
/** Whole amounts as print shows them when a tile or table has no cents: "$1,234". */
const wholeDollars = (c: number) => {
  expect(c % 100).toBe(0);
  return `$${(c / 100).toLocaleString("en-US")}`;
};

// What the export route hands buildExport: this file's database, answered by PostgreSQL.
let sources: TabSources;

/** The route's answer (`exportResponse` around `buildExport`) for the file and query. */
async function download(program: Fixture["program"], file: string, query: string) {
  const response = await exportResponse(
    () => buildExport(sources, { ...program }, file, new URLSearchParams(query)),
    { href: `/p/${program.slug}/actions?${query}` },
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function parseCsv(bytes: Uint8Array) {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function pdfText(bytes: Uint8Array) {
  const { text, totalPages } = await extractText(await getDocumentProxy(bytes), {
    mergePages: false,
  });
  // PDF text comes back with the layout's line breaks: compare with whitespace collapsed.
  return { pages: (text as string[]).map((page) => page.replace(/\s+/g, " ")), totalPages };
}

describe.each(inject("engines"))("exports on %s", (engine) => {
  let db: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sources = postgresTabSources(db);
    f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
    // A partner whose name a spreadsheet would run as a formula.
    await db.prisma.partnership.update({
      where: { programId_id: { programId: f.program.id, id: f.partners[0].id } },
      data: { firstName: '=HYPERLINK("http://evil.test","x")', lastName: "" },
    });
  });
  afterAll(() => db.close());

  it("exports the table's data rows only, equal to an independent computation", async () => {
    const { response, bytes } = await download(
      f.program,
      "table.csv",
      "timeframe=any_time&marketplace=no",
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(
        `attachment; filename="${f.program.slug}_table_any-time_\\d{4}-\\d{2}-\\d{2}\\.csv"`,
      ),
    );
    const [header, ...rows] = parseCsv(bytes);
    expect(header).toEqual([
      "Partner name",
      "Partner email",
      "Partner key",
      "Action type",
      "Action value",
      "Occurrences for all time",
      "Sum of rewards (USD) for all time",
    ]);
    const expected = live(f, (p) => !p.marketplace);
    const groups = new Map<string, number>();
    const keyOf = new Map(f.partners.map((p) => [p.id, p.key]));
    for (const a of expected)
      groups.set(
        `${keyOf.get(a.partnerId)}|${a.type}|${a.value}`,
        (groups.get(`${keyOf.get(a.partnerId)}|${a.type}|${a.value}`) ?? 0) + 1,
      );
    // Every row is a partner's: no totals row to double a spreadsheet's sum.
    expect(rows).toHaveLength(groups.size);
    expect(new Map(rows.map((r) => [`${r[2]}|${r[3]}|${r[4]}`, Number(r[5])]))).toEqual(groups);
    expect(rows.reduce((s, r) => s + Number(r[5]), 0)).toBe(expected.length);
    expect(rows.reduce((s, r) => s + Math.round(Number(r[6]) * 100), 0)).toBe(cents(expected));
  });

  it("offers the table with a marked totals row equal to the tab's totals", async () => {
    const query = "timeframe=any_time&marketplace=no";
    const { response, bytes } = await download(f.program, "table-with-totals.csv", query);
    expect(response.headers.get("content-disposition")).toMatch(
      /_table-with-totals_any-time_[\d-]+\.csv"/,
    );
    const rows = parseCsv(bytes).slice(1);
    const totals = rows.pop()!;
    const plain = parseCsv((await download(f.program, "table.csv", query)).bytes).slice(1);
    expect(rows).toEqual(plain);
    // The tab's own numbers for the same URL: its Occurrences and Total rewards tiles.
    const view = await loadView(sources, f.program, Object.fromEntries(new URLSearchParams(query)));
    const { current } = await getSummary(view.scope);
    const expected = live(f, (p) => !p.marketplace);
    expect(current.occurrences).toBe(expected.length);
    expect(totals).toEqual([
      "Total (all rows — not a partner)",
      "",
      "",
      "",
      "",
      String(current.occurrences),
      money(current.rewardCents),
    ]);
  });

  it.each([
    ["occurrences", "desc"],
    ["rewards", "asc"],
    ["name", "asc"],
  ])("lists the table's rows in the screen's order, every page of it: %s %s", async (sort, dir) => {
    const query = `timeframe=any_time&archived=no&sort=${sort}&dir=${dir}`;
    const csv = parseCsv((await download(f.program, "table.csv", query)).bytes).slice(1);
    // The screen's table for the same URL, page after page, as the page reads it.
    const view = await loadView(sources, f.program, Object.fromEntries(new URLSearchParams(query)));
    expect(view.table).toMatchObject({ sort, dir });
    const screen: string[][] = [];
    for (let page = 1; ; page++) {
      const t = await getOccurrenceTable(view.scope, { ...view.table, page });
      screen.push(
        ...t.rows.map((r) => [
          r.partnerName.startsWith("=") ? `'${r.partnerName}` : r.partnerName,
          r.partnerEmail,
          r.partnerKey,
          r.actionType,
          String(r.actionValue),
          String(r.occurrences),
          money(r.rewardCents),
        ]),
      );
      if (page >= t.pageCount) break;
    }
    expect(screen.length).toBeGreaterThan(TABLE_PAGE_SIZE);
    expect(csv).toEqual(screen);
  });

  it("filters by text holding quotes and backslashes as the screen does (COPY takes literals)", async () => {
    const partner = f.partners[1];
    await db.prisma.partnership.update({
      where: { programId_id: { programId: f.program.id, id: partner.id } },
      data: { firstName: "Zoë", lastName: "O'Brien\\x" },
    });
    const query = `timeframe=any_time&name=${encodeURIComponent("ë O'Brien\\")}`;
    const rows = parseCsv((await download(f.program, "actions.csv", query)).bytes).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[5]).sort()).toEqual(
      live(f, (p) => p.id === partner.id)
        .map((a) => a.key)
        .sort(),
    );
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["Zoë O'Brien\\x"]));
  });

  it("exports drill-down rows with ISO times in the program's zone and neutralised formulas", async () => {
    const partner = f.partners[0];
    const { bytes } = await download(
      f.program,
      "actions.csv",
      `timeframe=any_time&partner=${partner.key}`,
    );
    const [header, ...rows] = parseCsv(bytes);
    expect(header[0]).toBe("Occurred (America/New_York) for all time");
    expect(header[1]).toBe("Received (America/New_York)");
    const expected = live(f, (p) => p.id === partner.id).sort(
      (a, b) => b.occurredAt - a.occurredAt,
    );
    expect(rows.map((r) => r[5])).toEqual(expected.map((a) => a.key));
    for (const row of rows) {
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
      expect(row[2].startsWith("'=HYPERLINK(")).toBe(true);
    }
    // The instant survives the round trip through local time and offset.
    expect(rows.map((r) => Date.parse(r[0]))).toEqual(
      expected.map((a) => Math.floor(a.occurredAt / 1000) * 1000),
    );
  });

  it("exports each number tile and the chart, agreeing with the same URL's numbers", async () => {
    const expected = live(f);
    const { bytes } = await download(f.program, "total-rewards.csv", "timeframe=any_time");
    expect(parseCsv(bytes)).toEqual([
      ["Metric", "Value (USD) for all time", "Previous period (USD)", "Change (%)"],
      ["Total rewards", money(cents(expected)), "", ""],
    ]);
    const chart = parseCsv(
      (
        await download(
          f.program,
          "chart.csv",
          "timeframe=range_2026-03-02_2026-03-16&timescale=week",
        )
      ).bytes,
    );
    expect(chart[0][0]).toBe("Week starting (America/New_York)");
    const inRange = expected.filter(
      (a) =>
        a.occurredAt >= Date.parse("2026-03-02T05:00:00Z") &&
        a.occurredAt < Date.parse("2026-03-16T04:00:00Z"),
    );
    expect(chart.slice(1).map((r) => r[0])).toEqual(["2026-03-02", "2026-03-09"]);
    const total = chart[0].indexOf("Total");
    expect(chart.slice(1).reduce((s, r) => s + Number(r[total]), 0)).toBe(inRange.length);
    // The chart's line: each week beside the week 14 days before, and that week's total.
    expect(chart[0].slice(total + 1)).toEqual([
      "Previous period: period (2026-02-16 – 2026-03-01)",
      "Previous period: total of all types",
    ]);
    expect(chart.slice(1).map((r) => r[total + 1])).toEqual([
      "Week of 16 Feb 2026",
      "Week of 23 Feb 2026",
    ]);
    const weekOf = (from: string, to: string) =>
      expected.filter((a) => a.occurredAt >= Date.parse(from) && a.occurredAt < Date.parse(to))
        .length;
    expect(chart.slice(1).map((r) => Number(r[total + 2]))).toEqual([
      weekOf("2026-02-16T05:00:00Z", "2026-02-23T05:00:00Z"),
      weekOf("2026-02-23T05:00:00Z", "2026-03-02T05:00:00Z"),
    ]);
  });

  it("states a range's inclusive dates and its previous period in every CSV's header and the PDF", async () => {
    // The URL's end is exclusive: 2 March up to 16 March means 2–15 March, 14 days; the 14 days
    // before are 16 February – 1 March.
    const query = "timeframe=range_2026-03-02_2026-03-16";
    const csv = parseCsv((await download(f.program, "occurrences.csv", query)).bytes);
    expect(csv[0]).toEqual([
      "Metric",
      "Value for 2026-03-02 – 2026-03-15",
      "Previous period for 2026-02-16 – 2026-03-01",
      "Change (%)",
    ]);
    const inRange = (from: string, to: string) =>
      live(f).filter((a) => a.occurredAt >= Date.parse(from) && a.occurredAt < Date.parse(to))
        .length;
    expect(csv[1].slice(0, 3)).toEqual([
      "Occurrences",
      String(inRange("2026-03-02T05:00:00Z", "2026-03-16T04:00:00Z")),
      String(inRange("2026-02-16T05:00:00Z", "2026-03-02T05:00:00Z")),
    ]);
    // The table's and the drill-down's files name the same days in their header row, and the
    // zip's copies of them too: a file travels without its name.
    const zip = unzipSync((await download(f.program, "tab.zip", query)).bytes);
    const table = parseCsv((await download(f.program, "table.csv", query)).bytes);
    const drill = parseCsv((await download(f.program, "actions.csv", query)).bytes);
    for (const header of [table[0], parseCsv(zip["actions-by-partner-type-and-value.csv"])[0]]) {
      expect(header.slice(5)).toEqual([
        "Occurrences for 2026-03-02 – 2026-03-15",
        "Sum of rewards (USD) for 2026-03-02 – 2026-03-15",
        "Occurrences, previous period for 2026-02-16 – 2026-03-01",
        "Change in occurrences",
        "Sum of rewards (USD), previous period for 2026-02-16 – 2026-03-01",
        "Change in rewards (USD)",
      ]);
    }
    for (const header of [drill[0], parseCsv(zip["actions-drill-down-rows.csv"])[0]]) {
      expect(header.slice(0, 2)).toEqual([
        "Occurred (America/New_York) for 2026-03-02 – 2026-03-15",
        "Received (America/New_York)",
      ]);
    }
    const counted = inRange("2026-03-02T05:00:00Z", "2026-03-16T04:00:00Z");
    expect(table.slice(1).reduce((sum, r) => sum + Number(r[5]), 0)).toBe(counted);
    expect(drill.length - 1).toBe(counted);
    const { pages } = await pdfText((await download(f.program, "tab.pdf", query)).bytes);
    expect(pages[0]).toContain(
      "Timeframe: is in range 2026-03-02 – 2026-03-15 → 2026-03-02 – 2026-03-15 (America/New_York)",
    );
    expect(pages[0]).toContain("Compared with: previous period → 2026-02-16 – 2026-03-01");
    expect(pages.join(" ").replace(/\s+/g, " ")).toContain(
      "Dashed line: previous period (2026-02-16 – 2026-03-01), all types",
    );
    expect(pages.join(" ")).not.toContain("2026-03-16");

    // The same days a year before, when asked; none at all with compare=none.
    const lastYear = parseCsv(
      (await download(f.program, "occurrences.csv", `${query}&compare=previous_year`)).bytes,
    );
    expect(lastYear[0][2]).toBe("Same period last year for 2025-03-02 – 2025-03-15");
    expect(lastYear[1][2]).toBe(String(inRange("2025-03-02T05:00:00Z", "2025-03-16T04:00:00Z")));
    const none = parseCsv(
      (await download(f.program, "occurrences.csv", `${query}&compare=none`)).bytes,
    );
    expect(none[1][2]).toBe("");
    const nonePdf = await pdfText(
      (await download(f.program, "tab.pdf", `${query}&compare=none`)).bytes,
    );
    expect(nonePdf.pages[0]).toContain("Compared with: nothing");
    expect(nonePdf.pages[0]).not.toContain("vs previous period");
  });

  it("zips one CSV per tile plus the drill-down rows and a filters.txt", async () => {
    const { response, bytes } = await download(
      f.program,
      "tab.zip",
      "timeframe=any_time&archived=no",
    );
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      "actions-by-partner-type-and-value.csv",
      "actions-drill-down-rows.csv",
      "customers-with-actions.csv",
      "filters.txt",
      "occurrences-over-time.csv",
      "occurrences.csv",
      "partners-with-actions.csv",
      "total-rewards.csv",
      "total-value.csv",
    ]);
    const expected = live(f, (p) => !p.archived);
    expect(parseCsv(files["occurrences.csv"])[1][1]).toBe(String(expected.length));
    expect(parseCsv(files["actions-drill-down-rows.csv"]).length - 1).toBe(expected.length);
    const filters = strFromU8(files["filters.txt"]);
    expect(filters).toContain("Timeframe: is any time → all time (America/New_York)");
    expect(filters).toContain("Is partnership archived: no");
    expect(filters).toMatch(/Generated: \d{4}-\d{2}-\d{2}T/);
  });

  it("renders the whole tab as a PDF with filters, every number and the table totals, header repeated", async () => {
    const { response, bytes } = await download(
      f.program,
      "tab.pdf",
      "timeframe=any_time&group_op=exclude&group=" + f.groups[2].id,
    );
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { pages, totalPages } = await pdfText(bytes);
    const all = pages.join("\n");
    const expected = live(f, (p) => p.groupId !== f.groups[2].id);
    expect(all).toContain(`Group name: is not one of ${f.groups[2].name}`);
    expect(all).toContain("Timeframe: is any time → all time (America/New_York)");
    expect(all).toContain(expected.length.toLocaleString("en-US"));
    // The fixture's rewards are whole dollars: printed without cents, with the currency sign.
    expect(all).toContain(`Total rewards ${wholeDollars(cents(expected))}`);
    // The totals row closes the table with the same numbers as the tiles.
    expect(pages[pages.length - 1]).toContain(
      `Total ${expected.length} ${wholeDollars(cents(expected))}`,
    );
    expect(all).not.toMatch(/\.00\b/);
    const tablePages = pages.filter((p) => p.includes("Actions by partner, type and value"));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toContain("Sum of rewards (USD)");
    expect(totalPages).toBe(pages.length);
    expect(pages[pages.length - 1]).toContain(`Page ${totalPages} of ${totalPages}`);
  });

  it("prints drill-down times whole, with their offset, in the drill-down PDF", async () => {
    const query = `timeframe=any_time&partner=${f.partners[2].key}`;
    const csv = parseCsv((await download(f.program, "actions.csv", query)).bytes).slice(1);
    expect(csv.length).toBeGreaterThan(0);
    const { pages } = await pdfText((await download(f.program, "actions.pdf", query)).bytes);
    const all = pages.join(" ");
    for (const row of csv) {
      expect(all).toContain(row[0]);
      expect(all).toContain(row[1]);
    }
  });

  it("cuts a PDF table at its cell limit and says so on page 1 and after the last row", async () => {
    process.env.PDF_MAX_CELLS = "70"; // 7 columns: 10 rows
    try {
      const { bytes } = await download(f.program, "tab.pdf", "timeframe=any_time");
      const { pages } = await pdfText(bytes);
      const rows = new Set(live(f).map((a) => `${a.partnerId}|${a.type}|${a.value}`)).size;
      expect(rows).toBeGreaterThan(10);
      const note = `this PDF shows the first 10 of ${rows} rows, to keep its size printable. Download the CSV for every row.`;
      expect(pages[0]).toContain(note);
      expect(pages[pages.length - 1]).toContain(note);
      expect(pages).toHaveLength(2); // the first page, then 10 rows on one table page
    } finally {
      delete process.env.PDF_MAX_CELLS;
    }
  });

  it("answers an unknown file with a readable error page, not a broken file", async () => {
    const { response, bytes } = await download(f.program, "secrets.csv", "");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(new TextDecoder().decode(bytes)).toContain("There is no download called “secrets.csv”");
    // The totals variant is a CSV only.
    expect((await download(f.program, "table-with-totals.pdf", "")).response.status).toBe(404);
    // A malformed order falls back to the screen's default, as the page does.
    const bad = await download(f.program, "table.csv", "timeframe=any_time&sort=bogus&dir=up");
    const fallback = await download(f.program, "table.csv", "timeframe=any_time");
    expect(bad.response.status).toBe(200);
    expect(parseCsv(bad.bytes)).toEqual(parseCsv(fallback.bytes));
  });
});
