"use client";

import { useQueryStates } from "nuqs";
import { useId, useTransition } from "react";
import { ChoiceSelect } from "@/components/ui/choice-select";
import {
  BREAKDOWN_KINDS,
  breakdownLabel,
  parseBreakdown,
  serializeBreakdown,
  type Breakdown,
} from "@/lib/stats/breakdown/breakdown";
import { chartParsers, tableParsers } from "@/lib/stats/url/search-params";

/** The choices: each kind, a property per name the program's actions hold. */
function choices(properties: readonly string[], none: string | null): [string, string][] {
  const kinds = BREAKDOWN_KINDS.filter((k) => k !== "property").map((kind): [string, string] => [
    kind,
    breakdownLabel({ kind } as Breakdown),
  ]);
  const named = properties.map((key): [string, string] => [`property:${key}`, `Property ${key}`]);
  return [...(none === null ? [] : [["", none] as [string, string]]), ...kinds, ...named];
}

/**
 * What the chart stacks by (`stack_by`) or the table's rows are grouped by (`rows_by`): a native
 * select that writes the URL at once (the server draws the view again; links, saved views and
 * downloads follow). Changing the stack shows every series again; changing the rows goes back to
 * the first page.
 */
export function BreakdownSelect({
  param,
  value,
  properties,
}: {
  param: "stack_by" | "rows_by";
  value: Breakdown | null;
  /** The property names of the program's actions. */
  properties: readonly string[];
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [, setState] = useQueryStates(
    { ...chartParsers, page: tableParsers.page },
    { shallow: false, history: "push", scroll: false, startTransition },
  );
  const current = value ? serializeBreakdown(value) : "";
  const list = choices(properties, param === "rows_by" ? "Partner, type and value" : null);
  // A property a saved link names that the program's actions no longer hold stays choosable.
  if (current && !list.some(([v]) => v === current) && value)
    list.push([current, breakdownLabel(value)]);
  return (
    <label
      htmlFor={id}
      className="flex items-center gap-2 text-xs text-gray-600 dark:text-gray-300"
    >
      {param === "stack_by" ? "Stack by" : "Group rows by"}
      <ChoiceSelect
        id={id}
        value={current}
        aria-busy={pending}
        onChange={(e) => {
          const next = e.target.value ? parseBreakdown(e.target.value) : null;
          void setState(
            param === "stack_by" ? { stack_by: next, hidden: null } : { rows_by: next, page: null },
          );
        }}
        className="rounded-md border border-gray-300 bg-white px-2 py-1 text-xs dark:border-gray-700 dark:bg-gray-950"
        choices={list}
      />
    </label>
  );
}
