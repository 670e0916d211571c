"use client";

import { signIn } from "next-auth/react";
import { NEW_PASSWORD_HINT, PasswordField } from "@/components/ui/password-field";
import { buttonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { changePasswordAction } from "../actions";
import { FieldError } from "@/components/ui/field-error";
import { FormOutcome } from "./form-outcome";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** A new password ends every session, this one too: sign this browser in again with it. */
export function PasswordForm() {
  const { state, pending, onSubmit } = useFormAction(changePasswordAction, {
    clearPasswords: true,
    // Signed in again with the password as submitted (the fields are emptied by then).
    onAnswer: (answer, form) => {
      if (answer.status !== "saved" || !answer.email) return;
      void signIn("credentials", {
        email: answer.email,
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <UntilHydrated className="space-y-4">
        <PasswordField
          id="pw-current"
          name="currentPassword"
          label="Current password"
          error={<FieldError answer={state} field="currentPassword" id="pw-current-error" />}
          autoComplete="current-password"
        />
        <PasswordField
          id="pw-new"
          name="password"
          label="New password"
          hint={NEW_PASSWORD_HINT}
          error={<FieldError answer={state} field="password" id="pw-new-error" />}
        />
        <PasswordField
          id="pw-confirm"
          name="confirm"
          label="New password again"
          error={<FieldError answer={state} field="confirm" id="pw-confirm-error" />}
        />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Changing…" : "Change password"}
          </button>
          <FormOutcome state={state} />
        </div>
      </UntilHydrated>
    </form>
  );
}
