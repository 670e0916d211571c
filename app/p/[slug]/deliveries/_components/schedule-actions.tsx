"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { RowAnswer, RowDeleteForm } from "@/components/deliveries/row-controls";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteScheduleAction, sendNowAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** "Send now" and "Delete" for one schedule, each answering beside itself. */
export function ScheduleActions({ slug, id, name }: { slug: string; id: number; name: string }) {
  const send = useFormAction(sendNowAction.bind(null, slug));
  const remove = useFormAction(deleteScheduleAction.bind(null, slug), {
    confirm: () => `Delete the schedule of “${name}” and its log?`,
  });
  const answer = remove.state.status === "error" ? remove.state : send.state;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <form method="post" onSubmit={send.onSubmit}>
          <UntilHydrated>
            <input type="hidden" name="id" value={id} />
            <button
              type="submit"
              disabled={send.pending}
              className={`${secondaryButtonClass} whitespace-nowrap`}
              aria-label={`Send now: “${name}”`}
            >
              {send.pending ? "Queuing…" : "Send now"}
            </button>
          </UntilHydrated>
        </form>
        <RowDeleteForm
          id={id}
          label={`Delete the schedule of “${name}”`}
          pending={remove.pending}
          onSubmit={remove.onSubmit}
        />
      </div>
      <RowAnswer answer={answer} />
    </div>
  );
}
