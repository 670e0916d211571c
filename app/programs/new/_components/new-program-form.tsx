"use client";

import { ProgramFields } from "@/components/programs/program-fields";
import { buttonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { ProgramChoices } from "@/lib/programs/program-choices";
import { createProgramAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function NewProgramForm({ choices }: { choices: ProgramChoices }) {
  const { state, pending, onSubmit } = useFormAction(createProgramAction);

  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-4" aria-busy={pending}>
      <UntilHydrated>
        <ProgramFields
          choices={choices}
          initial={{ name: "", slug: "", timezone: "UTC", currency: "USD" }}
          creating
          errors={(state.status === "error" && state.fields) || {}}
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
      </UntilHydrated>
    </form>
  );
}
