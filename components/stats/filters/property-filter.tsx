"use client";

import { useState } from "react";
import type { PropertyFilter as PropertyFilterDeclaration } from "@/lib/stats/filters/kinds";
import type { PropertyOption } from "@/lib/stats/filters/load-filter-options";
import { NO_PROPERTY, type PropertySelection } from "@/lib/stats/filters/property-selection";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { controlClass, Field, type DraftProps } from "./filter-field";

type Condition = "any" | "include" | "exclude";

const linesOf = (text: string) => [
  ...new Set(
    text
      .split("\n")
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/**
 * The action property filter: a condition, the property's name (the program's names suggested)
 * and its values, one per line (so a value may hold commas); the most frequent values of the
 * chosen name are offered as buttons. Incomplete (no name or no value) means "any".
 */
export function PropertyFilter({
  filter,
  options,
  draft,
  set,
}: DraftProps & { filter: PropertyFilterDeclaration; options: PropertyOption[] }) {
  const field = filter.key as keyof ActionsTabFilters;
  const opField = filter.opKey as keyof ActionsTabFilters;
  const applied = draft[field] as PropertySelection;
  const [condition, setCondition] = useState<Condition>(
    applied.key ? (draft[opField] as "include" | "exclude") : "any",
  );
  const [key, setKey] = useState(applied.key);
  const [text, setText] = useState(applied.values.join("\n"));
  const change = (next: Condition, nextKey: string, nextText: string) => {
    const values = linesOf(nextText);
    set({
      [field]:
        next === "any" || !nextKey.trim() || !values.length
          ? NO_PROPERTY
          : { key: nextKey.trim(), values },
      [opField]: next === "exclude" ? "exclude" : "include",
    });
  };
  const frequent = options.find((o) => o.key === key.trim())?.values ?? [];
  const id = `f-${filter.key}`;

  return (
    <Field label={filter.label} wide>
      <div className="flex flex-wrap gap-1">
        <input
          id={`${id}-key`}
          aria-label="Property name"
          placeholder="Property name"
          list={`${id}-keys`}
          value={key}
          maxLength={64}
          disabled={condition === "any"}
          onChange={(e) => {
            setKey(e.target.value);
            change(condition, e.target.value, text);
          }}
          className={`${controlClass} min-w-0 flex-1 basis-32`}
        />
        <datalist id={`${id}-keys`}>
          {options.map((o) => (
            <option key={o.key} value={o.key} />
          ))}
        </datalist>
        <ChoiceSelect
          id={`${id}-op`}
          aria-label={`${filter.label} condition`}
          value={condition}
          onChange={(e) => {
            const next = e.target.value as Condition;
            setCondition(next);
            change(next, key, text);
          }}
          className="w-32 shrink-0 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950"
          choices={[
            ["any", filter.words[0]],
            ["include", filter.words[1]],
            ["exclude", filter.words[2]],
          ]}
        />
      </div>
      <textarea
        id={`${id}-values`}
        aria-label="Property values, one per line"
        placeholder="Values, one per line"
        rows={2}
        value={text}
        disabled={condition === "any"}
        onChange={(e) => {
          setText(e.target.value);
          change(condition, key, e.target.value);
        }}
        className={`${controlClass} mt-1`}
      />
      {condition !== "any" && frequent.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1 text-xs text-gray-600 dark:text-gray-300">
          <span>Frequent:</span>
          {frequent.slice(0, 8).map((value) => (
            <button
              key={value}
              type="button"
              className="rounded border border-gray-300 px-1 dark:border-gray-700"
              onClick={() => {
                const next = [...linesOf(text), value].join("\n");
                setText(next);
                change(condition, key, next);
              }}
            >
              {value}
            </button>
          ))}
        </p>
      )}
    </Field>
  );
}
