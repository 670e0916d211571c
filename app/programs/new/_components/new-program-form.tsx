"use client";

import { startTransition, useActionState } from "react";
import { ProgramFields } from "@/components/programs/program-fields";
import { buttonClass } from "@/components/ui/styles";
import type { ProgramChoices } from "@/lib/programs/program-choices";
import { createProgramAction, type NewProgramState } from "../actions";

export function NewProgramForm({ choices }: { choices: ProgramChoices }) {
  const [state, action, pending] = useActionState(createProgramAction, {
    status: "idle",
  } as NewProgramState);

  return (
    <form
      // Submitted by hand: React resets a form after its action, and refused values should stay.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
      className="grid gap-4"
      aria-busy={pending}
    >
      <ProgramFields
        choices={choices}
        initial={{ name: "", slug: "", timezone: "UTC", currency: "USD" }}
        creating
        errors={state.status === "error" ? state.fields : {}}
      />
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </p>
      )}
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Creating…" : "Create program"}
        </button>
      </div>
    </form>
  );
}
