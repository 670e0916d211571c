import { describe, expect, it } from "vitest";
import { loadConversionState } from "./conversion-params";
import { medianRank, p90Rank, selectedConversion } from "./conversion";

const TYPES = ["signup", "purchase", "demo"];
const load = (raw: Record<string, string>) => {
  const warnings: string[] = [];
  return { state: loadConversionState(raw, TYPES, warnings), warnings };
};

describe("the conversion view's URL", () => {
  it("reads a valid question", () => {
    const { state, warnings } = load({ from: "demo", to: "signup", within: "7", by: "group" });
    expect(warnings).toEqual([]);
    expect(state.question).toEqual({ from: "demo", to: "signup", withinDays: 7 });
    expect(state.by).toBe("group");
  });

  it("defaults to the first two types within 30 days, by partner", () => {
    const { state, warnings } = load({});
    expect(warnings).toEqual([]);
    expect(state.question).toEqual({ from: "signup", to: "purchase", withinDays: 30 });
    expect([state.by, state.sort, state.dir]).toEqual(["partner", "starts", "desc"]);
  });

  it.each([
    ["within", "0"],
    ["within", "3651"],
    ["within", "1.5"],
    ["within", "7abc"],
    ["from", "no such"],
    ["to", "x".repeat(101)],
    ["by", "type"],
    ["by", "property:"],
    ["by", "tags"],
    ["conv_sort", "DROP"],
    ["conv_dir", "up"],
  ])("warns about %s=%s and uses the default", (key, value) => {
    const { state, warnings } = load({ [key]: value });
    expect(warnings).toHaveLength(1);
    expect(state.question).not.toBeNull();
  });

  it("reads every breakdown a conversion offers", () => {
    for (const by of ["partner", "group", "manager", "tag", "marketplace", "property:plan"]) {
      const { state, warnings } = load({ by });
      expect(warnings, by).toEqual([]);
      expect(state.by).toBe(by);
    }
  });

  it("names an unknown type and refuses the same type twice", () => {
    expect(load({ from: "refund" }).warnings[0]).toContain("not an action type");
    const same = load({ from: "demo", to: "demo" });
    expect(same.state.question).toBeNull();
    expect(same.warnings).toEqual(["Conversion: choose two different action types."]);
  });
});

describe("ranks and the drill-down's selection", () => {
  it("takes the lower nearest rank", () => {
    expect([1, 2, 3, 4, 10, 11].map(medianRank)).toEqual([1, 1, 2, 2, 5, 6]);
    expect([1, 2, 9, 10, 11, 70].map(p90Rank)).toEqual([1, 2, 9, 9, 10, 63]);
  });

  it("is a conversion only with from, to and converted", () => {
    expect(selectedConversion({ from: "a", to: "b", converted: null })).toBeNull();
    expect(selectedConversion({ from: "a", to: "b", converted: "no", in_group: 3 })).toEqual({
      from: "a",
      to: "b",
      withinDays: 30,
      converted: false,
      group: 3,
    });
  });
});
