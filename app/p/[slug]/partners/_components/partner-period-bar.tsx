"use client";

import { createSerializer, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { ReloadBar } from "@/components/stats/filters/reload-bar";
import { SelectFilter } from "@/components/stats/filters/select-filter";
import { TimeframeFilter } from "@/components/stats/filters/timeframe-filter";
import { filterParsers, type ActionsTabFilters } from "@/lib/stats/url/search-params";

const periodParsers = { timescale: filterParsers.timescale, timeframe: filterParsers.timeframe };
const serializePeriod = createSerializer(periodParsers);

/**
 * A partner page's timescale and timeframe, in the tab's controls and URL keys, edited as a
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
  const [pending, startTransition] = useTransition();
  const [, setApplied] = useQueryStates(periodParsers, {
    shallow: false,
    history: "push",
    startTransition,
  });
  const appliedKey = serializePeriod(applied);
  const [draft, setDraft] = useState(applied);
  const [valid, setValid] = useState(true);
  const [version, setVersion] = useState(0);
  const [syncedKey, setSyncedKey] = useState(appliedKey);
  const discard = () => {
    setDraft(applied);
    setValid(true);
    setVersion((v) => v + 1);
  };
  if (appliedKey !== syncedKey) {
    setSyncedKey(appliedKey);
    discard();
  }
  const set = (changes: Partial<ActionsTabFilters>) => setDraft((d) => ({ ...d, ...changes }));

  function reload(event: FormEvent) {
    event.preventDefault();
    if (valid) void setApplied({ timescale: draft.timescale, timeframe: draft.timeframe });
  }

  return (
    <form
      onSubmit={reload}
      aria-label="Timeframe"
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectFilter field="timescale" draft={draft} set={set} />
        <TimeframeFilter
          key={version}
          timezone={timezone}
          onValidity={setValid}
          draft={draft}
          set={set}
        />
      </div>
      <ReloadBar
        pending={pending}
        dirty={serializePeriod(draft) !== appliedKey}
        canReload={valid}
        onDiscard={discard}
        showing={`${rangeDescription} (${timezone})`}
      />
    </form>
  );
}
