"use client";

import { ActionError } from "@/components/ui/action-error";
import { secondaryButtonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { FormResult } from "@/lib/forms/form-result";

/**
 * "Revoke" beside a row (an API key, a share link): asks `question` first, then posts the row's
 * id to `revoke` (a server action bound to the program's slug); a refusal shows beside it.
 */
export function RevokeButton({
  revoke,
  id,
  label,
  question,
}: {
  revoke: (form: FormData) => Promise<FormResult>;
  id: number;
  /** What the button is called for screen readers ("Revoke Production backend"). */
  label: string;
  question: string;
}) {
  const { refusal, pending, onSubmit } = useFormAction((_prev, form: FormData) => revoke(form), {
    confirm: () => question,
  });
  return (
    <form method="post" onSubmit={onSubmit} className="flex items-center gap-2">
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className={secondaryButtonClass}
          aria-label={label}
        >
          Revoke
        </button>
        <ActionError error={refusal?.message} />
      </UntilHydrated>
    </form>
  );
}
