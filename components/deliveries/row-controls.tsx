"use client";

import type { FormEvent } from "react";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** A row's "Delete" (a schedule's, an alert's): its own form with the row's id. */
export function RowDeleteForm({
  id,
  label,
  pending,
  onSubmit,
}: {
  id: number;
  /** What the button says to a screen reader ("Delete the alert on “Weekly”"). */
  label: string;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <form method="post" onSubmit={onSubmit}>
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
          aria-label={label}
        >
          Delete
        </button>
      </UntilHydrated>
    </form>
  );
}

/** A row action's answer under its buttons: a refusal as an alert, else what was done. */
export function RowAnswer({ answer }: { answer: { status: string; message?: string } }) {
  if (!answer.message) return null;
  const refused = answer.status === "error";
  return (
    <span
      role={refused ? "alert" : "status"}
      className={`max-w-56 text-right text-xs ${refused ? "text-red-600" : "text-gray-600 dark:text-gray-400"}`}
    >
      {answer.message}
    </span>
  );
}
