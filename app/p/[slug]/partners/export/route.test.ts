// GET /p/{slug}/partners/export over real Requests: the directory of the URL's filters and search
// as a CSV attachment, and the access checks (404, 403).
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "@/lib/testing/factories";
import { signedIn } from "@/lib/testing/signed-in";
import { seedSmallTabProgram } from "@/lib/testing/small-tab-program";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

type Fixture = Awaited<ReturnType<typeof seedSmallTabProgram>>;

describe.each(inject("engines"))("the Partners CSV on %s", (engine) => {
  let db: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await seedSmallTabProgram(db.prisma);
  });
  afterAll(() => db.close());

  const download = (slug: string, query = "") =>
    GET.on(db, postgresTabSources(db))(
      new Request(`http://localhost/p/${slug}/partners/export${query}`),
      { params: Promise.resolve({ slug }) },
    );

  it("sends a member the directory of the filters and search as a CSV attachment", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const response = await download(f.program.slug, "?timeframe=any_time&sort=name&dir=asc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="${f.program.slug}_partners_any-time_\\d{4}-\\d\\d-\\d\\d\\.csv"$`,
      ),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(header).toEqual([
      "Partner name",
      "Partner email",
      "Partner key",
      "Group",
      "Tags",
      "Partner manager",
      "Joined",
      "Actions",
      "Rewards (USD)",
      "Last action",
    ]);
    // Live actions only: Alan's archived one is not counted.
    expect(rows.map((r) => [r[0], r[2], r[7]])).toEqual([
      ["Ada Lovelace", "ada", "2"],
      ["Alan Turing", "alan", "1"],
    ]);
    const searched = await download(f.program.slug, "?timeframe=any_time&name=TURING");
    const found = Papa.parse<string[]>((await searched.text()).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    }).data;
    expect(found.slice(1).map((r) => r[0])).toEqual(["Alan Turing"]);
  });

  it("refuses an unknown program (404) and a member of another program (403)", async () => {
    const other = await createProgram(db.prisma);
    signedIn.user = await createMember(db.prisma, other.id, "owner");
    await expect(download("no-such-program")).rejects.toThrow(/404/);
    await expect(download(f.program.slug)).rejects.toThrow(/403|forbidden/);
  });
});
