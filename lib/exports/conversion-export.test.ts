// The conversion view's files against the plain-JavaScript model of a conversion, over the Actions
// tab's fixture (customers and partners, a DST change, a year boundary, archived actions).
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { modelConversionCounts, modelConversionStarts } from "../testing/conversion-model";
import { seedTabProgram } from "../testing/tab-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { postgresTabSources } from "../testing/test-analytics";
import { buildConversionExport } from "./conversion-export";
import { exportResponse } from "./export-response";

type Fixture = Awaited<ReturnType<typeof seedTabProgram>>;

describe.each(inject("engines"))("conversion files on %s", (engine) => {
  let db: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
  });
  afterAll(() => db.close());

  async function download(file: string, query: string) {
    const response = await exportResponse(
      () =>
        buildConversionExport(postgresTabSources(db), f.program, file, new URLSearchParams(query)),
      { href: `/p/${f.program.slug}/conversion?${query}` },
    );
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  /** The model's answer for signup → upgrade within `days`, any time. */
  function model(days: number, by: "partner" | "group") {
    const typeId = new Map(f.types.map((t) => [t.name, t.id]));
    const actions = f.actions.map((a) => ({
      ...a,
      partnershipId: a.partnerId,
      typeId: typeId.get(a.type)!,
      createdAt: a.occurredAt,
      properties: {},
    }));
    const question = {
      fromTypeId: typeId.get("signup")!,
      toTypeId: typeId.get("upgrade")!,
      withinDays: days,
    };
    const starts = modelConversionStarts(actions, question, { start: null, end: null }, () => true);
    const group = new Map(f.partners.map((p) => [p.id, p.groupId]));
    const keyOf = (a: { partnershipId: number }) =>
      by === "partner" ? a.partnershipId : group.get(a.partnershipId)!;
    return {
      rows: modelConversionCounts(starts, keyOf),
      total: modelConversionCounts(starts, () => 0)[0],
    };
  }

  it.each([
    ["partner", 7],
    ["group", 30],
  ] as const)("the CSV by %s (within %d days) holds the model's numbers", async (by, days) => {
    const query = `timeframe=any_time&from=signup&to=upgrade&within=${days}&by=${by}`;
    const { response, bytes } = await download("conversion.csv", query);
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const lead = by === "group" ? 1 : 3;
    expect(header.slice(lead)).toEqual([
      "Started",
      "Converted",
      "Not converted",
      "Conversion rate",
      "Median time to convert (ms)",
      "p90 time to convert (ms)",
    ]);
    const expected = model(days, by);
    expect(expected.total.converted).toBeGreaterThan(0);
    const numbers = (r: (typeof expected.rows)[number]) => [
      String(r.starts),
      String(r.converted),
      String(r.starts - r.converted),
      (r.converted / r.starts).toFixed(6),
      r.medianMs === null ? "" : String(r.medianMs),
      r.p90Ms === null ? "" : String(r.p90Ms),
    ];
    const total = rows.pop()!;
    expect(total).toEqual([
      ...(by === "group" ? ["Total"] : ["Total", "", ""]),
      ...numbers(expected.total),
    ]);
    const label = (key: number) =>
      by === "group"
        ? [f.groups.find((g) => g.id === key)!.name]
        : (() => {
            const p = f.partners.find((x) => x.id === key)!;
            return [p.name, p.email, p.key];
          })();
    const sorted = (list: string[][]) => [...list].sort((a, b) => a.join().localeCompare(b.join()));
    expect(sorted(rows)).toEqual(
      sorted(expected.rows.map((r) => [...label(r.key), ...numbers(r)])),
    );
  });

  it("prints the question and the total in the PDF", async () => {
    const { response, bytes } = await download(
      "conversion.pdf",
      "timeframe=any_time&from=signup&to=upgrade&within=7&by=group&conv_dir=up",
    );
    expect(response.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, " ");
    expect(flat).toContain("signup → upgrade within 7 days");
    expect(flat).toContain(`Total ${model(7, "group").total.starts}`);
    expect(flat).toContain("Note: Sort direction: “up” is not a valid value.");
  });

  it.each([
    ["conversion.xlsx", "from=signup&to=upgrade", 404],
    ["table.csv", "from=signup&to=upgrade", 404],
    ["conversion.csv", "from=signup&to=signup", 400],
  ])("refuses %s?%s with %d, as a page", async (file, query, status) => {
    const { response } = await download(file, query);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("reads malformed values as the tab does: ignored, never an error", async () => {
    const { response } = await download(
      "conversion.csv",
      "from=%00&to=upgrade&within=-1&by=tag&conv_sort=x&timeframe=bogus&group=abc",
    );
    expect(response.status).toBe(200);
  });
});
