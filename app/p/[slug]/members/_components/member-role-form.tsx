"use client";

import { ActionAnswer } from "@/components/ui/action-answer";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { changeMemberRoleAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** An owner's controls on a member row: change the role, or remove them (asked first). */
export function MemberRoleForm({
  slug,
  userId,
  name,
  role,
  isSelf,
}: {
  slug: string;
  userId: number;
  name: string;
  role: string;
  isSelf: boolean;
}) {
  const { state, pending, onSubmit } = useFormAction(
    (_prev, form: FormData) => changeMemberRoleAction(slug, form),
    {
      confirm: (submitter) =>
        (submitter as HTMLButtonElement | null)?.value === "remove"
          ? `Remove ${name} from the program? They lose access at their next click.`
          : isSelf
            ? "Change your own role? You may lose the right to manage members."
            : null,
    },
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <UntilHydrated>
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {name}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-950"
        >
          <option value="owner">owner</option>
          <option value="manager">manager</option>
          <option value="viewer">viewer</option>
        </select>
        <button
          type="submit"
          disabled={pending}
          className={secondaryButtonClass}
          aria-label={`Save the role of ${name}`}
        >
          Save
        </button>
        <button
          type="submit"
          name="intent"
          value="remove"
          disabled={pending}
          className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
          aria-label={`Remove ${name}`}
        >
          Remove
        </button>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}
