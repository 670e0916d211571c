"use client";

import { createSerializer, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { FilterOptions } from "@/lib/actions-tab/query/load-filter-options";
import {
  filterParsers,
  tableParsers,
  TIMESCALES,
  type ActionsTabFilters,
} from "@/lib/actions-tab/search-params";
import { MultiSelect } from "./multi-select";
import { TimeframeControl } from "./timeframe-control";

const serializeFilters = createSerializer(filterParsers);
const control =
  "w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950";

function Field({
  label,
  htmlFor,
  children,
  wide,
}: {
  label: string;
  htmlFor?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      {htmlFor ? (
        <label
          htmlFor={htmlFor}
          className="mb-1 block text-xs font-medium text-gray-600 dark:text-gray-300"
        >
          {label}
        </label>
      ) : (
        <p className="mb-1 text-xs font-medium text-gray-600 dark:text-gray-300">{label}</p>
      )}
      {children}
    </div>
  );
}

type Op = "any" | "include" | "exclude";
const ONE_OF: [string, string, string] = ["is any", "is one of", "is not one of"];

/**
 * "is any / is one of / is not one of" plus the choices. The condition is kept here while no
 * value is chosen yet (the draft then still means "any"); the parent re-keys it to reset.
 */
function MembershipFilter({
  id,
  label,
  labels,
  op,
  ids,
  options,
  onChange,
}: {
  id: string;
  label: string;
  labels: [string, string, string];
  op: Op;
  ids: number[];
  options: FilterOptions["groups"];
  onChange: (op: Op, ids: number[]) => void;
}) {
  const [condition, setCondition] = useState<Op>(op);
  return (
    <Field label={label} htmlFor={`${id}-op`}>
      <div className="flex gap-1">
        <select
          id={`${id}-op`}
          value={condition}
          onChange={(e) => {
            const next = e.target.value as Op;
            setCondition(next);
            onChange(next, next === "any" ? [] : ids);
          }}
          className="w-32 shrink-0 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950"
        >
          <option value="any">{labels[0]}</option>
          <option value="include">{labels[1]}</option>
          <option value="exclude">{labels[2]}</option>
        </select>
        <div className="min-w-0 flex-1">
          <MultiSelect
            label={label}
            options={options}
            selected={ids}
            disabled={condition === "any"}
            onChange={(next) => onChange(condition, next)}
          />
        </div>
      </div>
    </Field>
  );
}

/**
 * The nine filters, edited as a draft. Nothing changes on the page until Reload writes the draft
 * to the URL (a new history entry) and the server renders the new view.
 */
export function FilterBar({
  applied: appliedFilters,
  options,
  timezone,
  rangeDescription,
}: {
  /** The filters the server applied (invalid URL values and unknown ids already dropped). */
  applied: ActionsTabFilters;
  options: FilterOptions;
  timezone: string;
  rangeDescription: string;
}) {
  const [pending, startTransition] = useTransition();
  // Only the setter: what is applied is what the server says it applied, not the raw URL.
  const [, setApplied] = useQueryStates(
    { ...filterParsers, page: tableParsers.page },
    { shallow: false, history: "push", startTransition },
  );
  const appliedKey = serializeFilters(appliedFilters);
  const [draft, setDraft] = useState<ActionsTabFilters>(appliedFilters);
  const [timeframeValid, setTimeframeValid] = useState(true);
  const [syncedKey, setSyncedKey] = useState(appliedKey);
  // Remounts the timeframe control, whose inputs keep their own text while being edited.
  const [formVersion, setFormVersion] = useState(0);

  const resetDraft = () => {
    setDraft(appliedFilters);
    setTimeframeValid(true);
    setFormVersion((v) => v + 1);
  };
  // Back/forward (or a saved view) changed the applied filters: the draft follows them.
  if (appliedKey !== syncedKey) {
    setSyncedKey(appliedKey);
    resetDraft();
  }

  const dirty = serializeFilters(draft) !== appliedKey;
  const set = (changes: Partial<ActionsTabFilters>) => setDraft((d) => ({ ...d, ...changes }));
  const opOf = (ids: number[], op: string): Op => (ids.length === 0 ? "any" : (op as Op));

  function reload(event?: FormEvent) {
    event?.preventDefault();
    if (!timeframeValid) return;
    // Ops without a choice mean "any": keep the URL free of no-op parameters.
    const clean: ActionsTabFilters = {
      ...draft,
      name: draft.name.trim(),
      email: draft.email.trim(),
      group_op: draft.group.length ? draft.group_op : "include",
      manager_op: draft.manager.length ? draft.manager_op : "include",
      tag_op: draft.tag.length ? draft.tag_op : "any_of",
    };
    setDraft(clean);
    void setApplied({ ...clean, page: null });
  }

  return (
    <form
      onSubmit={reload}
      aria-label="Filters"
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Timescale" htmlFor="f-timescale">
          <select
            id="f-timescale"
            value={draft.timescale}
            onChange={(e) => set({ timescale: e.target.value as ActionsTabFilters["timescale"] })}
            className={control}
          >
            {TIMESCALES.map((t) => (
              <option key={t} value={t}>
                {t[0].toUpperCase() + t.slice(1)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Timeframe (${timezone})`} wide>
          <TimeframeControl
            key={formVersion}
            value={draft.timeframe}
            onChange={(tf) => {
              setTimeframeValid(tf !== null);
              if (tf) set({ timeframe: tf });
            }}
          />
        </Field>
        <MembershipFilter
          key={`group-${formVersion}`}
          id="f-group"
          label="Group name"
          labels={ONE_OF}
          op={opOf(draft.group, draft.group_op)}
          ids={draft.group}
          options={options.groups}
          onChange={(op, ids) =>
            set(op === "any" ? { group: [], group_op: "include" } : { group: ids, group_op: op })
          }
        />
        <MembershipFilter
          key={`manager-${formVersion}`}
          id="f-manager"
          label="Partner manager name"
          labels={ONE_OF}
          op={opOf(draft.manager, draft.manager_op)}
          ids={draft.manager}
          options={options.managers}
          onChange={(op, ids) =>
            set(
              op === "any"
                ? { manager: [], manager_op: "include" }
                : { manager: ids, manager_op: op },
            )
          }
        />
        {(["name", "email"] as const).map((field) => (
          <Field key={field} label={`Partner ${field} contains`} htmlFor={`f-${field}`}>
            <input
              id={`f-${field}`}
              type="search"
              value={draft[field]}
              maxLength={200}
              onChange={(e) => set({ [field]: e.target.value })}
              className={control}
            />
          </Field>
        ))}
        <MembershipFilter
          key={`tag-${formVersion}`}
          id="f-tag"
          label="Partner tag"
          labels={["is any", "has one of", "has none of"]}
          op={draft.tag.length === 0 ? "any" : draft.tag_op === "any_of" ? "include" : "exclude"}
          ids={draft.tag}
          options={options.tags}
          onChange={(op, ids) =>
            set(
              op === "any"
                ? { tag: [], tag_op: "any_of" }
                : { tag: ids, tag_op: op === "include" ? "any_of" : "none_of" },
            )
          }
        />
        <Field label="Is marketplace" htmlFor="f-marketplace">
          <select
            id="f-marketplace"
            value={draft.marketplace}
            onChange={(e) =>
              set({ marketplace: e.target.value as ActionsTabFilters["marketplace"] })
            }
            className={control}
          >
            <option value="any">Any</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </Field>
        <Field label="Is partnership archived" htmlFor="f-archived">
          <select
            id="f-archived"
            value={draft.archived}
            onChange={(e) => set({ archived: e.target.value as ActionsTabFilters["archived"] })}
            className={control}
          >
            <option value="any">Any</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-gray-100 pt-3 dark:border-gray-800">
        <p className="text-xs text-gray-500" aria-live="polite">
          {pending
            ? "Loading the new view…"
            : dirty
              ? "You have changed filters: press Reload to apply them."
              : `Showing ${rangeDescription} (${timezone}).`}
        </p>
        <div className="flex items-center gap-2">
          {dirty && (
            <button
              type="button"
              onClick={resetDraft}
              className="text-sm text-gray-600 hover:underline dark:text-gray-300"
            >
              Discard changes
            </button>
          )}
          <button
            type="submit"
            disabled={!timeframeValid || pending}
            aria-label={dirty ? "Reload with the changed filters (unapplied changes)" : "Reload"}
            className={`relative inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${dirty ? "bg-blue-600 text-white hover:bg-blue-700" : "border border-gray-300 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"}`}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className={`h-4 w-4 ${pending ? "animate-spin" : ""}`}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M21 12a9 9 0 1 1-3-6.7L21 8" />
              <path d="M21 3v5h-5" />
            </svg>
            Reload
            {dirty && (
              <span className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full bg-amber-400 ring-2 ring-white dark:ring-gray-900" />
            )}
          </button>
        </div>
      </div>
    </form>
  );
}
