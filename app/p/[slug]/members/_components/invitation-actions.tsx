"use client";

import { useActionState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import {
  resendInvitationAction,
  revokeInvitationAction,
  type MemberChangeResult,
} from "../actions";

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
  const [result, act, pending] = useActionState(
    (_prev: MemberChangeResult, form: FormData) =>
      form.get("do") === "revoke"
        ? revokeInvitationAction(slug, form)
        : resendInvitationAction(slug, form),
    {},
  );
  return (
    <form
      action={act}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value === "revoke" && !window.confirm(`Revoke the invitation of ${email}?`))
          event.preventDefault();
      }}
      className="flex flex-wrap items-center gap-2"
    >
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
      <ActionError error={result.error} />
      {result.done && (
        <span role="status" className="text-xs text-green-700 dark:text-green-400">
          {result.done}
        </span>
      )}
      {result.link && (
        <input
          readOnly
          aria-label={`Invitation link for ${email}`}
          value={result.link}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
        />
      )}
    </form>
  );
}
