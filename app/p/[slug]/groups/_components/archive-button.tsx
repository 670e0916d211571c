"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { archiveGroupAction, archiveTagAction } from "../actions";
import { FormStatus } from "./form-status";
import { UntilHydrated } from "@/components/ui/until-hydrated";

const CONFIRM = {
  group: "Its partnerships and their numbers stay; no new partnership can join it.",
  tag: "It stays on its partnerships and in filters, but cannot be given to more.",
};

/** Archive (asks first) or restore one group or tag. */
export function ArchiveButton({
  slug,
  kind,
  id,
  name,
  archived,
}: {
  slug: string;
  kind: "group" | "tag";
  id: number;
  name: string;
  archived: boolean;
}) {
  const action = kind === "group" ? archiveGroupAction : archiveTagAction;
  const { state, pending, onSubmit } = useFormAction(action.bind(null, slug), {
    confirm: () => (archived ? null : `Archive the ${kind} “${name}”? ${CONFIRM[kind]}`),
  });
  const verb = archived ? "Restore" : "Archive";
  return (
    <form method="post" onSubmit={onSubmit}>
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="archived" value={archived ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          className={secondaryButtonClass}
          aria-label={`${verb} ${name}`}
        >
          {verb}
        </button>
        {state.status === "error" && <FormStatus state={state} />}
      </UntilHydrated>
    </form>
  );
}
