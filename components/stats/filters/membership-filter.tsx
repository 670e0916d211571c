"use client";

import { useState } from "react";
import type { FilterOption } from "@/lib/stats/filters/load-filter-options";
import type { IdsFilter } from "@/lib/stats/filters/kinds";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { Field, type DraftProps } from "./filter-field";
import { MultiSelect } from "./multi-select";

type Condition = "any" | "include" | "exclude";

/**
 * A declared multi-select filter (group name, partner manager name, partner tag, action type):
 * its three conditions ("is any / is one of / is not one of") plus the choices. The condition is
 * kept here while no value is chosen yet (the draft then still means "any"); the bar re-keys it
 * to reset.
 */
export function MembershipFilter({
  filter,
  options,
  draft,
  set,
}: DraftProps & { filter: IdsFilter; options: FilterOption[] }) {
  const { label, words: conditions } = filter;
  const [includeOp, excludeOp] = filter.opValues;
  const field = filter.key as keyof ActionsTabFilters;
  const opField = filter.opKey as keyof ActionsTabFilters;
  const ids = draft[field] as number[];
  const [condition, setCondition] = useState<Condition>(
    ids.length === 0 ? "any" : draft[opField] === excludeOp ? "exclude" : "include",
  );
  // "Any" clears the choices and keeps the URL free of a no-op condition.
  const change = (next: Condition, nextIds: number[]) =>
    set({
      [field]: next === "any" ? [] : nextIds,
      [opField]: next === "exclude" ? excludeOp : includeOp,
    });

  return (
    <Field label={label} htmlFor={`f-${field}-op`}>
      <div className="flex gap-1">
        <ChoiceSelect
          id={`f-${field}-op`}
          value={condition}
          onChange={(e) => {
            const next = e.target.value as Condition;
            setCondition(next);
            change(next, ids);
          }}
          className="w-32 shrink-0 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950"
          choices={[
            ["any", conditions[0]],
            ["include", conditions[1]],
            ["exclude", conditions[2]],
          ]}
        />
        <div className="min-w-0 flex-1">
          <MultiSelect
            label={label}
            options={options}
            selected={ids}
            disabled={condition === "any"}
            onChange={(next) => change(condition, next)}
          />
        </div>
      </div>
    </Field>
  );
}
