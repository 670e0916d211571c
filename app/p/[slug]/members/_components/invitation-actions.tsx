"use client";

import { ActionAnswer } from "@/components/ui/action-answer";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { resendInvitationAction, revokeInvitationAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Resend (a new 7-day link; the old one stops working) or revoke an open invitation. */
export function InvitationActions({
  slug,
  id,
  email,
}: {
  slug: string;
  id: number;
  email: string;
}) {
  const { state, done, pending, onSubmit } = useFormAction(
    (_prev, form: FormData) =>
      form.get("do") === "revoke"
        ? revokeInvitationAction(slug, form)
        : resendInvitationAction(slug, form),
    {
      confirm: (submitter) =>
        (submitter as HTMLButtonElement | null)?.value === "revoke"
          ? `Revoke the invitation of ${email}?`
          : null,
    },
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          name="do"
          value="resend"
          disabled={pending}
          className={secondaryButtonClass}
          aria-label={`Resend the invitation of ${email}`}
        >
          Resend
        </button>
        <button
          type="submit"
          name="do"
          value="revoke"
          disabled={pending}
          className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
          aria-label={`Revoke the invitation of ${email}`}
        >
          Revoke
        </button>
        <ActionAnswer answer={state} />
        {done?.link && (
          <input
            readOnly
            aria-label={`Invitation link for ${email}`}
            value={done.link}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} font-mono text-xs`}
          />
        )}
      </UntilHydrated>
    </form>
  );
}
