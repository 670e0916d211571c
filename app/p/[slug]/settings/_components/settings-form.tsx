"use client";

import { useState } from "react";
import { ProgramFields } from "@/components/programs/program-fields";
import { buttonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { ProgramChoices } from "@/lib/programs/program-choices";
import { saveProgramSettingsAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/**
 * The program's settings. A new time zone changes every number of the Actions tab, so the form
 * says so — old and new zone — and saving needs that note confirmed (the server checks it too).
 */
export function SettingsForm({
  slug,
  program,
  choices,
  currencyLocked,
  savedBefore,
}: {
  slug: string;
  program: { name: string; slug: string; timezone: string; currency: string };
  choices: ProgramChoices;
  currencyLocked?: string;
  /** The page was reached by saving a new slug. */
  savedBefore: boolean;
}) {
  const { state, pending, onSubmit } = useFormAction(saveProgramSettingsAction.bind(null, slug), {
    initial: savedBefore ? { status: "saved", message: "Settings saved." } : undefined,
  });
  const [zone, setZone] = useState(program.timezone);
  const zoneChanges = zone !== program.timezone && choices.timeZones.includes(zone);

  return (
    <form method="post" onSubmit={onSubmit} className="grid max-w-2xl gap-4" aria-busy={pending}>
      <UntilHydrated>
        <ProgramFields
          choices={choices}
          initial={program}
          creating={false}
          errors={(state.status === "error" && state.fields) || {}}
          currencyLocked={currencyLocked}
          onTimezoneChange={setZone}
        />
        {zoneChanges && (
          <div
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
          >
            <p>
              Changing the time zone from <strong>{program.timezone}</strong> to{" "}
              <strong>{zone}</strong> re-buckets every number of the Actions tab: days, weeks and
              months will start at midnight in {zone}, so past days, charts and saved views’ numbers
              change. Scheduled deliveries move to their times in the new zone.
            </p>
            <label className="mt-2 flex items-center gap-2 font-medium">
              <input type="checkbox" name="confirmTimezone" value={zone} required />
              Count in {zone} from now on
            </label>
          </div>
        )}
        {state.status === "error" && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {state.message}
          </p>
        )}
        {state.status === "saved" && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            {state.message}
          </p>
        )}
        <div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Saving…" : "Save settings"}
          </button>
        </div>
      </UntilHydrated>
    </form>
  );
}
