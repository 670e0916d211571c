import { describe, expect, it } from "vitest";
import { loadTabState } from "./load-tab-state";

describe("reading the tab's URL", () => {
  it("keeps valid values, including a 255-character partner key", () => {
    const partner = "p".repeat(255);
    const { filters, drill, table, warnings } = loadTabState({
      timeframe: "past_3_complete_months",
      group: "1,2",
      partner,
      value: "3",
      page: "4",
      marketplace: "yes",
    });
    expect(warnings).toEqual([]);
    expect(filters).toMatchObject({
      timeframe: { kind: "past", n: 3, unit: "month", complete: true },
      group: [1, 2],
      marketplace: "yes",
    });
    expect(drill).toMatchObject({ partner, value: 3 });
    expect(table.page).toBe(4);
  });

  it("replaces every value the queries could not use with its default, and says so", () => {
    const { filters, drill, table, warnings } = loadTabState({
      timeframe: "past_10000_years",
      group: "99999999999",
      manager: "1,x",
      tag: "-5",
      name: "a\u0000b",
      value: "2147483648",
      page: "1000000000000000000000",
      after: "1_99999999999999999999",
    });
    expect(filters).toMatchObject({
      timeframe: { kind: "past", n: 30, unit: "day" },
      group: [],
      manager: [],
      tag: [],
      name: "",
    });
    expect(drill).toMatchObject({ value: null, after: null });
    expect(table.page).toBe(1);
    expect(warnings).toHaveLength(8);
    expect(warnings[0]).toMatch(/^Timeframe: “past_10000_years” is not a valid value/);
  });

  it("ignores numbers only partly numeric and text PostgreSQL cannot compare, and says so", () => {
    const { filters, drill, table, warnings } = loadTabState({
      page: " 3",
      value: "2abc",
      group: "1.5",
      tag: "1,2x",
      partner: "p\ud800",
    });
    expect(table.page).toBe(1);
    expect(drill).toMatchObject({ value: null, partner: null });
    expect(filters).toMatchObject({ group: [], tag: [] });
    expect(warnings).toHaveLength(5);
  });
});
