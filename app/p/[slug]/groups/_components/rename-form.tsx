"use client";

import { useState } from "react";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { renameGroupAction, renameTagAction } from "../actions";
import { FormStatus } from "./form-status";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** One row's name, editable in place: type the new name, Enter or "Rename". */
export function RenameForm({
  slug,
  kind,
  id,
  name,
}: {
  slug: string;
  kind: "group" | "tag";
  id: number;
  name: string;
}) {
  const action = kind === "group" ? renameGroupAction : renameTagAction;
  const { state, pending, onSubmit } = useFormAction(action.bind(null, slug));
  const [value, setValue] = useState(name);
  const inputId = `rename-${kind}-${id}`;
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <label htmlFor={inputId} className="sr-only">
          New name for {name}
        </label>
        <input
          id={inputId}
          name="name"
          required
          maxLength={kind === "group" ? 100 : 50}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={state.status === "error" ? true : undefined}
          aria-describedby={state.status === "error" ? `${inputId}-error` : undefined}
          // Its own width: inputClass's w-full would win over w-48 and squeeze the box.
          className={`${inputClass.replace("w-full", "")} mt-0 w-40 shrink-0 sm:w-48`}
        />
        <button
          type="submit"
          disabled={pending || value.trim() === name}
          className={`${secondaryButtonClass} shrink-0`}
          aria-label={`Rename ${name}`}
        >
          Rename
        </button>
        <FormStatus state={state} id={`${inputId}-error`} />
      </UntilHydrated>
    </form>
  );
}
