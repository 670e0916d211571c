"use client";

import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createGroupAction, createTagAction } from "../actions";
import { FormStatus } from "./form-status";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** "Add a group" (name, optional key) or "Add a tag" (name). */
export function CreateForm({ slug, kind }: { slug: string; kind: "group" | "tag" }) {
  const action = kind === "group" ? createGroupAction : createTagAction;
  // A refused submit keeps what was typed; cleared once created.
  const { state, pending, onSubmit } = useFormAction(action.bind(null, slug), {
    resetOnDone: true,
  });
  const error = (field: string) =>
    state.status === "error" && (state.field ?? "") === field
      ? `${kind}-${field}-error`
      : undefined;

  return (
    <form method="post" onSubmit={onSubmit}>
      <UntilHydrated className="space-y-2">
        <div className="flex flex-wrap items-start gap-3">
          <FormField
            id={`new-${kind}-name`}
            label={kind === "group" ? "Group name" : "Tag name"}
            className="min-w-56 flex-1"
          >
            <input
              id={`new-${kind}-name`}
              name="name"
              required
              maxLength={kind === "group" ? 100 : 50}
              aria-invalid={error("name") ? true : undefined}
              aria-describedby={error("name")}
              className={inputClass}
            />
          </FormField>
          {kind === "group" && (
            <FormField
              id="new-group-key"
              label="Key (optional)"
              hint="What the API and imports call it; derived from the name when empty."
              className="min-w-56 flex-1"
            >
              <input
                id="new-group-key"
                name="key"
                maxLength={255}
                aria-invalid={error("key") ? true : undefined}
                aria-describedby={error("key")}
                className={`${inputClass} font-mono`}
              />
            </FormField>
          )}
          <button type="submit" disabled={pending} className={`${buttonClass} mt-6`}>
            {pending ? "Adding…" : kind === "group" ? "Add group" : "Add tag"}
          </button>
        </div>
        <FormStatus
          state={state}
          id={state.status === "error" ? error(state.field ?? "") : undefined}
        />
      </UntilHydrated>
    </form>
  );
}
