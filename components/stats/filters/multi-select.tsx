"use client";

import { useState } from "react";
import { Popover, PopoverPanel, PopoverTrigger } from "@/components/ui/popover";
import type { FilterOption } from "@/lib/stats/filters/load-filter-options";

/**
 * A searchable checkbox list in a popover. Every choice is a native checkbox, so Tab, Space and
 * screen readers work as usual; opening focuses the search field, Escape closes and returns focus
 * to the button.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  disabled,
}: {
  label: string;
  options: FilterOption[];
  selected: number[];
  onChange: (ids: number[]) => void;
  disabled?: boolean;
}) {
  const [query, setQuery] = useState("");

  const chosen = new Set(selected);
  const visible = options.filter((o) => o.label.toLowerCase().includes(query.trim().toLowerCase()));
  const summary =
    selected.length === 0
      ? "Choose…"
      : selected.length === 1
        ? (options.find((o) => o.id === selected[0])?.label ?? "1 selected")
        : `${selected.length} selected`;

  return (
    <Popover>
      <PopoverTrigger
        disabled={disabled}
        aria-label={`${label}: ${summary}`}
        className="flex w-full items-center justify-between gap-2 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-left text-sm disabled:opacity-50 dark:border-gray-700 dark:bg-gray-950"
      >
        <span className="truncate">{summary}</span>
        <span aria-hidden="true" className="text-xs text-gray-400">
          ▾
        </span>
      </PopoverTrigger>
      <PopoverPanel
        role="group"
        aria-label={label}
        align="end"
        className="w-64 max-w-[calc(100vw-2rem)] p-2"
      >
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search…"
          aria-label={`Search ${label}`}
          className="mb-2 w-full rounded border border-gray-300 px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-950"
        />
        <ul className="max-h-56 overflow-y-auto">
          {visible.map((o) => (
            <li key={o.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 text-sm hover:bg-gray-100 dark:hover:bg-gray-800">
                <input
                  type="checkbox"
                  checked={chosen.has(o.id)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked ? [...selected, o.id] : selected.filter((id) => id !== o.id),
                    )
                  }
                />
                {o.label}
              </label>
            </li>
          ))}
          {visible.length === 0 && <li className="px-1 py-1 text-sm text-gray-500">No matches</li>}
        </ul>
        {selected.length > 0 && (
          <button
            type="button"
            onClick={() => onChange([])}
            className="mt-1 text-xs text-blue-600 hover:underline"
          >
            Clear selection
          </button>
        )}
      </PopoverPanel>
    </Popover>
  );
}
