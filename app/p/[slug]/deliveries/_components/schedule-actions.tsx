"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { deleteScheduleAction, sendNowAction, type DeliveryFormState } from "../actions";

const idle: DeliveryFormState = { status: "idle" };

/** "Send now" and "Delete" for one schedule, each answering beside itself. */
export function ScheduleActions({ slug, id, name }: { slug: string; id: number; name: string }) {
  const [sent, send, sending] = useActionState(sendNowAction.bind(null, slug), idle);
  const [removed, remove, removing] = useActionState(deleteScheduleAction.bind(null, slug), idle);
  const answer = removed.status === "error" ? removed : sent;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <form action={send}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={sending}
            className={`${secondaryButtonClass} whitespace-nowrap`}
            aria-label={`Send now: “${name}”`}
          >
            {sending ? "Queuing…" : "Send now"}
          </button>
        </form>
        <form
          action={remove}
          onSubmit={(e) => {
            if (!confirm(`Delete the schedule of “${name}” and its log?`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={removing}
            className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            aria-label={`Delete the schedule of “${name}”`}
          >
            Delete
          </button>
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
