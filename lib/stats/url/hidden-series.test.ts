// The chart's `hidden` key: series names (a type's, or a breakdown's label with "~" and ","
// escaped as "~0" and "~1") or "~other", comma-separated; any other value is ignored as a whole
// with the tab's warning, never an error.
import { describe, expect, it } from "vitest";
import { loadTabState } from "./load-tab-state";
import { serializeTabUrl } from "./search-params";
import { hiddenToken, seriesOfToken } from "../chart/series-colors";

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

  it("reads a breakdown's labels: spaces, and commas and tildes escaped", () => {
    const state = load("Gold partners,Acme~1 Inc.,~0tilde,~other");
    expect(state.warnings).toEqual([]);
    expect(state.chart.hidden.map((t) => seriesOfToken(t, "Others"))).toEqual([
      "Gold partners",
      "Acme, Inc.",
      "~tilde",
      "Others",
    ]);
    expect(["Acme, Inc.", "~tilde", "Others"].map((s) => hiddenToken(s, "Others"))).toEqual([
      "Acme~1 Inc.",
      "~0tilde",
      "~other",
    ]);
  });

  it.each([
    ["a tilde that escapes nothing", "a~b"],
    ["an empty name", "a,,b"],
    ["a trailing comma", "a,"],
    ["a name longer than 255 characters", "x".repeat(256)],
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
