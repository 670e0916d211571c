// What moved a view's number: a spike planted in one partner (of one group, with one type) is
// named first, with its share of the change, on PostgreSQL and on the ClickHouse copy alike.
import { describe, expect, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { databaseWithCopy } from "@/lib/testing/database-with-copy";
import * as batchRoute from "../actions/batch/route";
import * as reportRoute from "../reports/actions/route";
import { postgresTabEngine } from "@/lib/stats/engines";
import { loadView } from "@/lib/stats/load-view";
import { whatMoved } from "@/lib/stats/what-moved";

describe("what moved the view's occurrences", () => {
  const opened = databaseWithCopy();

  it("names the partner, group and type of a planted spike first, with their share", async () => {
    const { db, analytics } = opened;
    const f = await seedApiProgram(db.prisma);
    const day = (d: number) => Date.UTC(2026, 0, d, 12);
    const signup = (target: string, d: number) => ({
      target_key: target,
      target_type: "customer",
      type: "signup_completed",
      occurred_at: day(d),
    });
    const actions = [
      // The same every period: three signups from each partner's customer.
      ...[2, 3, 4, 12, 13, 14].flatMap((d) => [signup("cus_1", d), signup("cus_2", d)]),
      // This period only: Bob books ten demos, and Alice one more signup.
      ...Array.from({ length: 10 }, (_, i) => ({
        target_key: "ptn_bob",
        target_type: "partnership",
        type: "demo_booked",
        occurred_at: day(15 + (i % 5)),
      })),
      signup("cus_1", 16),
    ];
    const res = await callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: { actions },
    });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    await analytics.sync();

    const answers = [];
    for (const engine of [postgresTabEngine(db), analytics.engine]) {
      const view = await loadView({ db, analytics: { engine, worker: null } }, f.program, {
        timeframe: "range_2026-01-11_2026-01-21",
        compare: "previous_period",
      });
      answers.push(await whatMoved(view.scope));
    }
    const [pg, ch] = answers;
    expect(ch).toEqual(pg);
    expect(pg).toMatchObject({ occurrences: 17, previousOccurrences: 6, change: 11 });
    expect(pg!.movers.slice(0, 3).map((m) => [m.byLabel, m.label, m.change, m.share])).toEqual([
      ["Partner", expect.stringContaining("ptn_bob"), 10, 10 / 11],
      ["Partner group", "Resellers", 10, 10 / 11],
      ["Action type", "demo_booked", 10, 10 / 11],
    ]);
    // Alice's one more signup is named after them; nothing that fell, and no "No tag".
    expect(pg!.movers.every((m) => m.share > 0 && m.key !== "~none")).toBe(true);

    // The reporting API says the same with explain=true.
    const report = await callRoute(
      reportRoute.GET.on(db),
      "GET",
      "/api/v2/reports/actions?timeframe=range_2026-01-11_2026-01-21&explain=true",
      { auth: f.basic },
    );
    expect(report.status).toBe(200);
    expect(report.json.data.movers[0]).toEqual({
      by: "partner",
      key: pg!.movers[0].key,
      label: pg!.movers[0].label,
      // Bob's customer signed up three times in each period; the ten demos are new.
      occurrences: 13,
      previous_occurrences: 3,
      change: 10,
      share: 10 / 11,
    });
    const plain = await callRoute(
      reportRoute.GET.on(db),
      "GET",
      "/api/v2/reports/actions?timeframe=range_2026-01-11_2026-01-21",
      { auth: f.basic },
    );
    expect(plain.json.data).not.toHaveProperty("movers");
  });
});
