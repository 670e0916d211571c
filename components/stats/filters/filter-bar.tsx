"use client";

import { useState, type FormEvent } from "react";
import { PhoneSheet } from "@/components/ui/phone-sheet";
import { cleanFilters } from "@/lib/stats/filters/clean-filters";
import { FILTERS } from "@/lib/stats/filters/filters";
import type { FilterOptions } from "@/lib/stats/filters/load-filter-options";
import {
  drillParsers,
  filterParsers,
  filtersInForce,
  serializeFilters,
  tableParsers,
  type ActionsTabFilters,
} from "@/lib/stats/url/search-params";
import { MembershipFilter } from "./membership-filter";
import { PartnerSearchFilter } from "./partner-search-filter";
import { PropertyFilter } from "./property-filter";
import { ReloadBar } from "./reload-bar";
import { SelectFilter } from "./select-filter";
import { TimeframeFilter } from "./timeframe-filter";
import { useDraftFilters } from "./use-draft-filters";

/**
 * The filters (timescale, timeframe and every declared filter of lib/stats/filters), edited as
 * a draft. Nothing changes on the page until Reload writes the draft
 * to the URL (a new history entry) and the server renders the new view. On phones the numbers
 * come first: the bar waits behind a "Filters (n)" button (n = filters set) in a sheet that
 * Reload closes.
 */
export function FilterBar({
  applied: appliedFilters,
  options,
  timezone,
  rangeDescription,
  withTimescale = true,
}: {
  /** The filters the server applied (invalid URL values and unknown ids already dropped). */
  applied: ActionsTabFilters;
  options: FilterOptions;
  timezone: string;
  rangeDescription: string;
  /** The Partners directory has no chart: no timescale there. */
  withTimescale?: boolean;
}) {
  const {
    draft,
    setDraft,
    set,
    dirty,
    discard,
    timeframeValid,
    setTimeframeValid,
    formVersion,
    apply,
    pending,
  } = useDraftFilters(
    appliedFilters,
    { ...filterParsers, page: tableParsers.page, after: drillParsers.after },
    serializeFilters,
  );
  const [sheetOpen, setSheetOpen] = useState(false);
  const edit = { draft, set };

  function reload(event?: FormEvent) {
    event?.preventDefault();
    if (!timeframeValid) return;
    // Ops without a choice mean "any": keep the URL free of no-op parameters.
    const clean = cleanFilters(draft);
    setDraft(clean);
    setSheetOpen(false);
    // New filters start from the first page (the tab's `page`, the directory's `after` cursor).
    void apply({ ...clean, page: null, after: null });
  }

  return (
    <PhoneSheet
      title="Filters"
      button={`Filters (${filtersInForce(appliedFilters).length})`}
      open={sheetOpen}
      onOpenChange={setSheetOpen}
    >
      <form
        method="get"
        onSubmit={reload}
        aria-label="Filters"
        className="bg-white p-4 sm:rounded-lg sm:border sm:border-gray-200 dark:bg-gray-900 sm:dark:border-gray-800"
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {withTimescale && <SelectFilter field="timescale" {...edit} />}
          <TimeframeFilter
            key={formVersion}
            timezone={timezone}
            onValidity={setTimeframeValid}
            {...edit}
          />
          {withTimescale && <SelectFilter field="compare" {...edit} />}
          {FILTERS.map((filter) =>
            filter.kind === "ids" ? (
              <MembershipFilter
                key={`${filter.key}-${formVersion}`}
                filter={filter}
                options={options[filter.options]}
                {...edit}
              />
            ) : filter.kind === "property" ? (
              <PropertyFilter
                key={`${filter.key}-${formVersion}`}
                filter={filter}
                options={options[filter.options]}
                {...edit}
              />
            ) : filter.kind === "text" ? (
              <PartnerSearchFilter key={filter.key} filter={filter} {...edit} />
            ) : (
              <SelectFilter key={filter.key} field={filter} {...edit} />
            ),
          )}
        </div>
        <ReloadBar
          pending={pending}
          dirty={dirty}
          canReload={timeframeValid}
          onDiscard={discard}
          showing={`${rangeDescription} (${timezone})`}
        />
      </form>
    </PhoneSheet>
  );
}
