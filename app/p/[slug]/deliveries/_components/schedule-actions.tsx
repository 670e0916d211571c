"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
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
        <form method="post" onSubmit={remove.onSubmit}>
          <UntilHydrated>
            <input type="hidden" name="id" value={id} />
            <button
              type="submit"
              disabled={remove.pending}
              className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
              aria-label={`Delete the schedule of “${name}”`}
            >
              Delete
            </button>
          </UntilHydrated>
        </form>
      </div>
      {answer.message && (
        <span
          role={answer.status === "error" ? "alert" : "status"}
          className={`max-w-56 text-right text-xs ${answer.status === "error" ? "text-red-600" : "text-gray-600 dark:text-gray-400"}`}
        >
          {answer.message}
        </span>
      )}
    </div>
  );
}
