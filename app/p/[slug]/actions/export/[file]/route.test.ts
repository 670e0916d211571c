// GET /p/{slug}/actions/export/{file} over real Requests: a member's CSV (headers, rows, the
// download cookie), an unknown file's error page, and the access checks (404, 403, sign-in).
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "@/lib/testing/factories";
import { signedIn } from "@/lib/testing/signed-in";
import { seedSmallTabProgram } from "@/lib/testing/small-tab-program";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

type Fixture = Awaited<ReturnType<typeof seedSmallTabProgram>>;

describe.each(inject("engines"))("the Actions tab's downloads on %s", (engine) => {
  let db: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await seedSmallTabProgram(db.prisma);
  });
  afterAll(() => db.close());

  const download = (slug: string, file: string, query = "") =>
    GET.on(db, postgresTabSources(db))(
      new Request(`http://localhost/p/${slug}/actions/export/${file}${query}`),
      { params: Promise.resolve({ slug, file }) },
    );

  it("sends a member the tile's CSV as an attachment, with the download cookie", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const response = await download(
      f.program.slug,
      "occurrences.csv",
      "?timeframe=any_time&dl=abcdefgh12",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="${f.program.slug}_occurrences_any-time_\\d{4}-\\d\\d-\\d\\d\\.csv"$`,
      ),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("set-cookie")).toMatch(/^ab_dl_abcdefgh12=1; Path=\//);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ["Metric", "Value for all time", "Previous period", "Change (%)"],
      ["Occurrences", "3", "", ""], // the archived action left out
    ]);
  });

  it("names each file after the program, its contents, its saved view or timeframe, and the day", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const range = "timeframe=range_2026-09-01_2026-12-01";
    const filename = async (file: string, query: string) => {
      const response = await download(f.program.slug, file, `?${query}`);
      expect(response.status).toBe(200);
      await response.body?.cancel();
      const disposition = response.headers.get("content-disposition") ?? "";
      return /filename="([^"]+)"/.exec(disposition)?.[1];
    };
    const day = "\\d{4}-\\d\\d-\\d\\d";
    const slug = f.program.slug;
    expect(await filename("tab.pdf", "timeframe=past_30_days")).toMatch(
      new RegExp(`^${slug}_actions_past-30-days_${day}\\.pdf$`),
    );
    // A range by the days it includes (the URL's end is the day after the last).
    expect(await filename("table.csv", range)).toMatch(
      new RegExp(`^${slug}_table_2026-09-01-to-2026-11-30_${day}\\.csv$`),
    );
    expect(await filename("table-with-totals.csv", "timeframe=this_month")).toMatch(
      new RegExp(`^${slug}_table-with-totals_this-month_${day}\\.csv$`),
    );
    expect(await filename("actions.csv", "timeframe=any_time")).toMatch(
      new RegExp(`^${slug}_drill-down_any-time_${day}\\.csv$`),
    );
    // The filters of a saved view: the file is named after the view, in safe characters.
    await db.prisma.savedView.create({
      data: {
        programId: f.program.id,
        userId: signedIn.user.id,
        name: "Q3 “EMEA” / Affiliates",
        query: range,
      },
    });
    expect(await filename("tab.zip", range)).toMatch(
      new RegExp(`^${slug}_actions_q3-emea-affiliates_${day}\\.zip$`),
    );
    expect(await filename("tab.zip", `${range}&timescale=week`)).toMatch(
      new RegExp(`^${slug}_actions_2026-09-01-to-2026-11-30_${day}\\.zip$`),
    );
  });

  it("answers an unknown file with a readable 404 page linking back to the tab", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const response = await download(f.program.slug, "secrets.csv", "?timeframe=any_time");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain("There is no download called “secrets.csv”");
    expect(page).toContain(`href="/p/${f.program.slug}/actions?timeframe=any_time"`);
  });

  it("answers a failure before the first byte with a readable 500 page, not a broken file", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const sources = postgresTabSources(db);
    // An engine whose every query fails (its database gone mid-request).
    const broken = {
      ...sources.analytics.engine,
      summaryNumbers: () => Promise.reject(new Error("gone")),
    };
    const response = await GET.on(db, { db, analytics: { ...sources.analytics, engine: broken } })(
      new Request(`http://localhost/p/${f.program.slug}/actions/export/occurrences.csv`),
      { params: Promise.resolve({ slug: f.program.slug, file: "occurrences.csv" }) },
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("Something went wrong while preparing this download.");
  });

  it("refuses an unknown program (404), a member of another program (403) and a signed-out visitor", async () => {
    const other = await createProgram(db.prisma);
    signedIn.user = await createMember(db.prisma, other.id, "owner");
    await expect(download("no-such-program", "table.csv")).rejects.toThrow(/404/);
    await expect(download(f.program.slug, "table.csv")).rejects.toThrow(/403|forbidden/);
    signedIn.user = null;
    await expect(download(f.program.slug, "table.csv")).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
