import { describe, expect, it } from "vitest";
import { viewInForce } from "./view-in-force";

const week = { id: 1, name: "Week", query: "timeframe=past_7_days" };
const all = { id: 2, name: "All time", query: "timeframe=any_time" };
// Stored by hand in another order, with a default spelled out: still the same view.
const marketplace = { id: 3, name: "Marketplace", query: "marketplace=yes&timescale=day" };
const views = [week, all, marketplace];

describe("the view in force", () => {
  it("is the view whose filters equal the applied ones, opened or not", () => {
    expect(viewInForce(views, "timeframe=any_time", null)).toEqual({
      state: "in_force",
      view: all,
    });
    expect(viewInForce(views, "timeframe=any_time", 2)).toEqual({ state: "in_force", view: all });
    expect(viewInForce(views, "marketplace=yes", null)).toEqual({
      state: "in_force",
      view: marketplace,
    });
  });

  it("is the opened view changed when the filters differ from it", () => {
    expect(viewInForce(views, "timeframe=today", 1)).toEqual({ state: "changed", view: week });
    // Changed into another saved view's filters: that view is in force.
    expect(viewInForce(views, "timeframe=any_time", 1)).toEqual({ state: "in_force", view: all });
  });

  it("prefers the opened view when two views hold the same filters", () => {
    const twin = { id: 4, name: "Twin", query: "timeframe=past_7_days" };
    const inForce = (id: number | null) => viewInForce([week, twin], "timeframe=past_7_days", id);
    expect(inForce(4)).toEqual({ state: "in_force", view: twin });
    expect(inForce(null)).toEqual({ state: "in_force", view: week });
  });

  it("is none for filters no view holds, or a view id the program does not have", () => {
    expect(viewInForce(views, "timeframe=today", null)).toEqual({ state: "none" });
    expect(viewInForce(views, "timeframe=today", 99)).toEqual({ state: "none" });
    expect(viewInForce([], "", null)).toEqual({ state: "none" });
  });
});
