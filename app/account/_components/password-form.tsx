"use client";

import { signIn } from "next-auth/react";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { changePasswordAction } from "../actions";
import { FieldError } from "@/components/ui/field-error";
import { FormOutcome } from "./form-outcome";

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
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormField
        id="pw-current"
        label="Current password"
        error={<FieldError answer={state} field="currentPassword" id="pw-current-error" />}
      >
        <input
          id="pw-current"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </FormField>
      <FormField
        id="pw-new"
        label="New password"
        hint="At least 12 characters, not easy to guess."
        error={<FieldError answer={state} field="password" id="pw-new-error" />}
      >
        <input
          id="pw-new"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </FormField>
      <FormField
        id="pw-confirm"
        label="New password again"
        error={<FieldError answer={state} field="confirm" id="pw-confirm-error" />}
      >
        <input
          id="pw-confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </FormField>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Changing…" : "Change password"}
        </button>
        <FormOutcome state={state} />
      </div>
    </form>
  );
}
