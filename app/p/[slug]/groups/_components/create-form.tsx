"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { createGroupAction, createTagAction, type GroupFormState } from "../actions";
import { FormStatus } from "./form-status";

/** "Add a group" (name, optional key) or "Add a tag" (name). */
export function CreateForm({ slug, kind }: { slug: string; kind: "group" | "tag" }) {
  const action = kind === "group" ? createGroupAction : createTagAction;
  // Controlled, so a refused submit keeps what was typed; cleared once created.
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const [state, submit, pending] = useActionState(
    async (previous: GroupFormState, form: FormData) => {
      const next = await action(slug, previous, form);
      if (next.status === "done") {
        setName("");
        setKey("");
      }
      return next;
    },
    { status: "idle" } as GroupFormState,
  );
  const error = (field: string) =>
    state.status === "error" && state.field === field ? `${kind}-${field}-error` : undefined;

  return (
    <form action={submit} className="space-y-2">
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
            value={name}
            onChange={(e) => setName(e.target.value)}
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
              value={key}
              onChange={(e) => setKey(e.target.value)}
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
      <FormStatus state={state} id={state.status === "error" ? error(state.field) : undefined} />
    </form>
  );
}
