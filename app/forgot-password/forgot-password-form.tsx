"use client";

import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { forgotPasswordAction } from "./actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function ForgotPasswordForm() {
  const { state, pending, onSubmit } = useFormAction(forgotPasswordAction);
  if (state.status === "sent") {
    return (
      <div className="mt-6 space-y-4 text-sm" role="status">
        <p>
          If an account exists for <strong>{state.email}</strong>, we sent it a link to choose a new
          password. The link works once, for one hour.
        </p>
        <p>
          <Link href="/signin" className="text-blue-700 underline dark:text-blue-400">
            Back to sign-in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6" noValidate>
      <UntilHydrated className="space-y-4">
        <FormField
          id="email"
          label="Email"
          error={
            state.status === "error" && (
              <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
                {state.message}
              </p>
            )
          }
        >
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            className={inputClass}
          />
        </FormField>
        <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
          {pending ? "Sending…" : "Send a reset link"}
        </button>
        <p className="text-sm">
          <Link href="/signin" className="text-blue-700 underline dark:text-blue-400">
            Back to sign-in
          </Link>
        </p>
      </UntilHydrated>
    </form>
  );
}
