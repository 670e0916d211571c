// GET /p/{slug}/actions/new-count over real Requests: actions received since a moment that match
// the URL's filters, a bad `since` refused, and the access checks (404, 403).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMember, createProgram } from "@/lib/testing/factories";
import { signedIn } from "@/lib/testing/signed-in";
import { seedSmallTabProgram } from "@/lib/testing/small-tab-program";
import { postgresTabSources } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

type Fixture = Awaited<ReturnType<typeof seedSmallTabProgram>>;

describe.each(inject("engines"))("the tab's new-actions count on %s", (engine) => {
  let db: TestDatabase;
  let f: Fixture;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await seedSmallTabProgram(db.prisma);
  });
  afterAll(() => db.close());

  const count = (slug: string, query: string) =>
    GET.on(db, postgresTabSources(db))(
      new Request(`http://localhost/p/${slug}/actions/new-count?${query}`),
      { params: Promise.resolve({ slug }) },
    );

  it("counts the live actions received since the moment that match the filters", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    const since = Date.parse("2026-03-02T00:00:00Z");
    const all = await count(f.program.slug, `timeframe=any_time&since=${since}`);
    expect(all.status).toBe(200);
    expect(all.headers.get("cache-control")).toBe("no-store");
    // a2 and a3; a1 came before, a4 is archived.
    expect(await all.json()).toEqual({ count: 2 });
    const ada = await count(f.program.slug, `timeframe=any_time&name=lovelace&since=${since}`);
    expect(await ada.json()).toEqual({ count: 1 });
  });

  it("refuses a `since` that is not a past moment in epoch milliseconds", async () => {
    signedIn.user = await createMember(db.prisma, f.program.id, "viewer");
    for (const since of ["", "soon", "1.5", String(Date.now() + 3_600_000)]) {
      const response = await count(f.program.slug, `since=${since}`);
      expect(response.status, since).toBe(400);
      expect(await response.json()).toEqual({
        message: "since must be epoch milliseconds, not in the future",
        status: 400,
      });
    }
  });

  it("refuses an unknown program (404) and a member of another program (403)", async () => {
    const other = await createProgram(db.prisma);
    signedIn.user = await createMember(db.prisma, other.id, "owner");
    await expect(count("no-such-program", "since=1")).rejects.toThrow(/404/);
    await expect(count(f.program.slug, "since=1")).rejects.toThrow(/403|forbidden/);
  });
});
