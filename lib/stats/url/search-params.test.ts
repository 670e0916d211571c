import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersInForce } from "./search-params";

describe("filtersInForce", () => {
  it("finds none in the default view", () => {
    expect(filtersInForce(DEFAULT_FILTERS)).toEqual([]);
  });

  it("names each filter set away from its default, in the bar's order", () => {
    expect(
      filtersInForce({
        ...DEFAULT_FILTERS,
        archived: "no",
        tag: [3],
        name: "ada",
        timeframe: { kind: "any" },
        timescale: "week",
      }),
    ).toEqual(["timescale", "timeframe", "name", "tag", "archived"]);
  });

  it("does not count a list's condition without choices", () => {
    expect(filtersInForce({ ...DEFAULT_FILTERS, group_op: "exclude", tag_op: "none_of" })).toEqual(
      [],
    );
    expect(filtersInForce({ ...DEFAULT_FILTERS, group: [1], group_op: "exclude" })).toEqual([
      "group",
    ]);
  });
});
