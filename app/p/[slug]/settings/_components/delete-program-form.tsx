"use client";

import { useId, useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteProgramAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Deleting takes the program's slug typed in full (the server compares it again). */
export function DeleteProgramForm({ slug }: { slug: string }) {
  const id = useId();
  const { state, pending, onSubmit } = useFormAction(deleteProgramAction.bind(null, slug));
  const [typed, setTyped] = useState("");

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="mt-3 flex max-w-2xl flex-wrap items-end gap-3"
    >
      <UntilHydrated>
        <div className="min-w-64 flex-1">
          <label htmlFor={id} className="block text-sm font-medium">
            Type <code className="font-mono">{slug}</code> to confirm
          </label>
          <input
            id={id}
            name="confirm"
            required
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={state.status === "error"}
            className={`${inputClass} font-mono`}
          />
        </div>
        <button
          type="submit"
          disabled={pending || typed.trim() !== slug}
          className="rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60"
        >
          {pending ? "Deleting…" : "Delete program"}
        </button>
        <div className="w-full">
          <ActionError error={state.status === "error" ? state.message : null} />
        </div>
      </UntilHydrated>
    </form>
  );
}
