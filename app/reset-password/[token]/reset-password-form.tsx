"use client";

import Link from "next/link";
import { FieldError } from "@/components/ui/field-error";
import { NEW_PASSWORD_HINT, PasswordField } from "@/components/ui/password-field";
import { buttonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { resetPasswordAction } from "./actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, pending, onSubmit } = useFormAction(resetPasswordAction.bind(null, token), {
    clearPasswords: true,
  });
  if (state.status === "done") {
    return (
      <div className="mt-6 space-y-4 text-sm" role="status">
        <p>Your password is changed. Every session of {state.email} was signed out.</p>
        <Link href="/signin" className={`inline-block ${buttonClass}`}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6" noValidate>
      <UntilHydrated className="space-y-4">
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
        <PasswordField
          id="password"
          name="password"
          label="New password"
          hint={NEW_PASSWORD_HINT}
          error={<FieldError answer={state} field="password" />}
          autoFocus
          describedBy="password-error"
        />
        <PasswordField
          id="confirm"
          name="confirm"
          label="New password again"
          error={<FieldError answer={state} field="confirm" />}
        />
        <FieldError answer={state} field="token" />
        <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
          {pending ? "Saving…" : "Set new password"}
        </button>
      </UntilHydrated>
    </form>
  );
}
