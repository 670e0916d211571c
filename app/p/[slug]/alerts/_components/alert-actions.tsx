"use client";

import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { RowAnswer, RowDeleteForm } from "@/components/deliveries/row-controls";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteAlertAction, snoozeAlertAction } from "../actions";

/** Snooze (or wake) and delete one alert, each answering beside itself. */
export function AlertActions({
  slug,
  id,
  name,
  snoozed,
}: {
  slug: string;
  id: number;
  name: string;
  snoozed: boolean;
}) {
  const snooze = useFormAction(snoozeAlertAction.bind(null, slug));
  const remove = useFormAction(deleteAlertAction.bind(null, slug), {
    confirm: () => `Delete the alert on “${name}” and its messages in the log?`,
  });
  const answer = remove.state.status === "error" ? remove.state : snooze.state;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <form method="post" onSubmit={snooze.onSubmit} className="flex gap-1">
          <UntilHydrated>
            <input type="hidden" name="id" value={id} />
            <label htmlFor={`snooze-${id}`} className="sr-only">
              Snooze the alert on “{name}” for
            </label>
            <select
              id={`snooze-${id}`}
              name="snooze"
              defaultValue={snoozed ? "off" : "1d"}
              className={`${inputClass} mt-0 w-auto py-1`}
            >
              <option value="1h">1 hour</option>
              <option value="1d">1 day</option>
              <option value="1w">1 week</option>
              {snoozed && <option value="off">Wake now</option>}
            </select>
            <button
              type="submit"
              disabled={snooze.pending}
              className={`${secondaryButtonClass} whitespace-nowrap`}
            >
              {snoozed ? "Change" : "Snooze"}
            </button>
          </UntilHydrated>
        </form>
        <RowDeleteForm
          id={id}
          label={`Delete the alert on “${name}”`}
          pending={remove.pending}
          onSubmit={remove.onSubmit}
        />
      </div>
      <RowAnswer answer={answer} />
    </div>
  );
}
