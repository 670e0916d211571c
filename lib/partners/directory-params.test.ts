import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../stats/url/search-params";
import { DEFAULT_DIRECTORY, directoryUrl, loadDirectoryState } from "./directory-params";

describe("a Partners directory URL", () => {
  it("reads the tab's filters with the tab's parser and the directory's own keys", () => {
    const state = loadDirectoryState({
      timeframe: "any_time",
      group: "3,4",
      group_op: "exclude",
      archived: "no",
      // The directory's search is the filter bar's.
      name: "  ada ",
      sort: "last_action",
      dir: "asc",
      after: "-9007199254740991_42",
    });
    expect(state.warnings).toEqual([]);
    expect(state.filters).toEqual({
      ...DEFAULT_FILTERS,
      timeframe: { kind: "any" },
      group: [3, 4],
      group_op: "exclude",
      archived: "no",
      name: "ada",
    });
    expect(state.directory).toEqual({
      sort: "last_action",
      dir: "asc",
      after: { id: 42, value: -9007199254740991 },
    });
  });

  it("falls back to defaults with a message for each bad value, never an error", () => {
    const state = loadDirectoryState({
      timeframe: "someday",
      tag: "x",
      name: "a\u0000b",
      sort: "group",
      dir: "up",
      after: "1_-1",
    });
    expect(state.directory).toEqual(DEFAULT_DIRECTORY);
    expect(state.filters.tag).toEqual([]);
    expect(state.warnings).toHaveLength(6);
    for (const label of [
      "Timeframe",
      "Partner tag",
      "Partner name",
      "Sort:",
      "Sort direction",
      "Page",
    ])
      expect(state.warnings.some((w) => w.startsWith(label))).toBe(true);
  });

  it("writes what it reads: filters in the tab's conventions, defaults left out", () => {
    const raw = {
      timeframe: "past_7_days",
      tag: "1,2",
      tag_op: "none_of",
      email: "é & ?",
      sort: "name",
      dir: "asc",
      after: "7",
    };
    const { filters, directory } = loadDirectoryState(raw);
    const url = directoryUrl("/p/x/partners", filters, directory);
    const again = loadDirectoryState(Object.fromEntries(new URL(url, "http://h").searchParams));
    expect(again.filters).toEqual(filters);
    expect(again.directory).toEqual(directory);
    expect(directoryUrl("/p/x/partners", DEFAULT_FILTERS, {})).toBe("/p/x/partners");
  });
});
