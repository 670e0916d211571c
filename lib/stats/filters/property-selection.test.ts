import { describe, expect, it } from "vitest";
import { canonicalViewQuery } from "../../saved-views/canonical-query";
import { loadTabFilters } from "../url/load-tab-state";
import { serializeFilters } from "../url/search-params";
import { parsePropertySelection, serializePropertySelection } from "./property-selection";

describe("the property filter's URL form", () => {
  it("round-trips names with colons and values with commas, tildes and '='", () => {
    const selection = { key: "geo.country:code", values: ["pro, annual", "~1", "a=b", "Ünï ✓"] };
    const text = serializePropertySelection(selection);
    expect(text).toBe("geo.country:code=pro~1 annual,~01,a=b,Ünï ✓");
    expect(parsePropertySelection(text)).toEqual(selection);
    // Through the URL as the tab writes and reads it.
    const query = serializeFilters({ property: selection, property_op: "exclude" });
    const params = Object.fromEntries(new URLSearchParams(query));
    const warnings: string[] = [];
    const filters = loadTabFilters(params, { warnings, problems: [] });
    expect(warnings).toEqual([]);
    expect([filters.property, filters.property_op]).toEqual([selection, "exclude"]);
  });

  it("travels in saved views' canonical queries (and so in downloads and deliveries)", () => {
    const query = "timeframe=any_time&property=plan%3Dpro~1+annual&property_op=exclude";
    const canonical = canonicalViewQuery(query);
    const params = new URLSearchParams(canonical);
    expect([params.get("property"), params.get("property_op")]).toEqual([
      "plan=pro~1 annual",
      "exclude",
    ]);
    expect(canonicalViewQuery(canonical)).toBe(canonical);
  });

  it.each(["plan", "plan=", "=pro", "my plan=pro", "plan=a,,b", "plan=~2", "plan=a~", "plan=a,b~"])(
    "refuses %j with the tab's notice, never a guess",
    (raw) => {
      expect(parsePropertySelection(raw)).toBeNull();
      const warnings: string[] = [];
      const problems: { field: string; message: string }[] = [];
      const filters = loadTabFilters({ property: raw }, { warnings, problems });
      expect(filters.property).toEqual({ key: "", values: [] });
      expect(warnings).toEqual([`Action property: “${raw}” is not a valid value. It was ignored.`]);
      expect(problems).toEqual([{ field: "property", message: `“${raw}” is not a valid value.` }]);
    },
  );
});
