import { describe, expect, it } from "vitest";
import { TAB_PARAM_LABELS } from "../url/load-tab-state";
import { DEFAULT_FILTERS, filterParsers, serializeFilters } from "../url/search-params";
import { cleanFilters } from "./clean-filters";
import { FILTERS } from "./filters";
import { OPTION_LOADERS } from "./options";

describe("the filter declarations", () => {
  it("give every filter its own URL keys, a label for each and, for a list, its options loader", () => {
    const keys = FILTERS.flatMap((f) => Object.keys(f.parsers));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(filterParsers).toHaveProperty(key);
      expect(TAB_PARAM_LABELS[key], key).toBeTruthy();
    }
    for (const f of FILTERS) {
      if (f.kind === "ids") expect(Object.keys(OPTION_LOADERS)).toContain(f.options);
    }
  });

  it("clean a draft: text trimmed, a list's condition without choices back to 'any'", () => {
    const clean = cleanFilters({
      ...DEFAULT_FILTERS,
      name: "  ada ",
      group: [],
      group_op: "exclude",
      tag: [3],
      tag_op: "none_of",
      action_type: [],
      action_type_op: "exclude",
    });
    expect(clean.name).toBe("ada");
    expect(clean.tag_op).toBe("none_of");
    expect(serializeFilters(clean)).toBe("?name=ada&tag=3&tag_op=none_of");
  });
});
