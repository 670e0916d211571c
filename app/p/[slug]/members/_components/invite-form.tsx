"use client";

import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { inviteMemberAction } from "../actions";
import { EMAIL_NOT_SET_UP } from "@/lib/config/setup-hints";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function InviteForm({ slug }: { slug: string }) {
  const { state, pending, onSubmit } = useFormAction(inviteMemberAction.bind(null, slug), {
    resetOnDone: true,
  });
  const error = (field: "email" | "role") =>
    state.status === "error" && (state.field ?? "email") === field ? (
      <p
        id={`invite-${field}-error`}
        role="alert"
        className="mt-1 text-sm text-red-600 dark:text-red-400"
      >
        {state.message}
      </p>
    ) : null;
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <UntilHydrated className="space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <FormField
            id="invite-email"
            label="Email"
            className="min-w-64 flex-1"
            error={error("email")}
          >
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              placeholder="teammate@company.com"
              className={inputClass}
            />
          </FormField>
          <FormField id="invite-role" label="Role" error={error("role")}>
            <select id="invite-role" name="role" defaultValue="viewer" className={inputClass}>
              <option value="viewer">Viewer — reads the numbers</option>
              <option value="manager">Manager — also edits rules and views</option>
              <option value="owner">Owner — also keys, members, settings</option>
            </select>
          </FormField>
          <button type="submit" disabled={pending} className={`mt-6 ${buttonClass}`}>
            {pending ? "Inviting…" : "Invite"}
          </button>
        </div>
        {state.status === "invited" && (
          <div
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
          >
            {state.mailed ? (
              <p>Invitation sent to {state.email}. The link works once, for 7 days.</p>
            ) : (
              <>
                <p>
                  Invited {state.email}, but the invitation was not mailed
                  {state.mailError ? ` (${state.mailError})` : ""}. Send them this link yourself —
                  it works once, for 7 days:
                </p>
                <input
                  readOnly
                  aria-label="Invitation link"
                  value={state.link}
                  onFocus={(e) => e.currentTarget.select()}
                  className={`${inputClass} font-mono text-xs`}
                />
                {!state.mailError && <p className="mt-2">{EMAIL_NOT_SET_UP}</p>}
              </>
            )}
          </div>
        )}
      </UntilHydrated>
    </form>
  );
}
