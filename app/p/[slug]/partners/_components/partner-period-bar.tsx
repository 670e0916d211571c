"use client";

import { createSerializer } from "nuqs";
import type { FormEvent } from "react";
import { ReloadBar } from "@/components/stats/filters/reload-bar";
import { SelectFilter } from "@/components/stats/filters/select-filter";
import { TimeframeFilter } from "@/components/stats/filters/timeframe-filter";
import { useDraftFilters } from "@/components/stats/filters/use-draft-filters";
import { filterParsers, type ActionsTabFilters } from "@/lib/stats/url/search-params";

const periodParsers = {
  timescale: filterParsers.timescale,
  timeframe: filterParsers.timeframe,
  compare: filterParsers.compare,
};
const serializePeriod = createSerializer(periodParsers);

/**
 * A partner page's timescale, timeframe and comparison, in the tab's controls and URL keys, edited as a
 * draft that Reload applies (the partner is the page's only other filter).
 */
export function PartnerPeriodBar({
  applied,
  timezone,
  rangeDescription,
}: {
  applied: ActionsTabFilters;
  timezone: string;
  rangeDescription: string;
}) {
  const {
    draft,
    set,
    dirty,
    discard,
    timeframeValid,
    setTimeframeValid,
    formVersion,
    apply,
    pending,
  } = useDraftFilters(applied, periodParsers, serializePeriod);

  function reload(event: FormEvent) {
    event.preventDefault();
    if (!timeframeValid) return;
    void apply({ timescale: draft.timescale, timeframe: draft.timeframe, compare: draft.compare });
  }

  return (
    <form
      method="get"
      onSubmit={reload}
      aria-label="Timeframe"
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectFilter field="timescale" draft={draft} set={set} />
        <TimeframeFilter
          key={formVersion}
          timezone={timezone}
          onValidity={setTimeframeValid}
          draft={draft}
          set={set}
        />
        <SelectFilter field="compare" draft={draft} set={set} />
      </div>
      <ReloadBar
        pending={pending}
        dirty={dirty}
        canReload={timeframeValid}
        onDiscard={discard}
        showing={`${rangeDescription} (${timezone})`}
      />
    </form>
  );
}
