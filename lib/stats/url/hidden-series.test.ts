// The chart's `hidden` key: type names (the API's alphabet) or "~other", comma-separated; any
// other value is ignored as a whole with the tab's warning, never an error.
import { describe, expect, it } from "vitest";
import { loadTabState } from "./load-tab-state";
import { serializeTabUrl } from "./search-params";

const load = (hidden: string) => loadTabState({ hidden });

describe("the hidden series key", () => {
  it("reads type names and ~other, in order, and writes them back the same", () => {
    const state = load("signup_completed,demo.booked:v2,~other");
    expect(state.warnings).toEqual([]);
    expect(state.chart.hidden).toEqual(["signup_completed", "demo.booked:v2", "~other"]);
    expect(serializeTabUrl("", state.chart)).toBe("?hidden=signup_completed,demo.booked:v2,~other");
    expect(loadTabState({}).chart.hidden).toEqual([]);
    expect(serializeTabUrl("", { hidden: [] })).toBe("");
  });

  it.each([
    ["a name with a space", "signup completed"],
    ["an empty name", "a,,b"],
    ["a trailing comma", "a,"],
    ["a name longer than a type's 100 characters", "x".repeat(101)],
    ["more than 100 names", Array(101).fill("a").join(",")],
    ["a near miss of ~other", "~others"],
    ["a NUL", "a\u0000"],
  ])("ignores %s with a warning naming the key", (_, raw) => {
    const state = load(raw);
    expect(state.chart.hidden).toEqual([]);
    expect(state.warnings).toEqual([
      `Hidden series: “${raw.slice(0, 60)}” is not a valid value. It was ignored.`,
    ]);
  });

  it("is read by pages that read only the filters (a partner page's chart)", () => {
    expect(loadTabState({ hidden: "a" }, "filters").chart.hidden).toEqual(["a"]);
  });
});
