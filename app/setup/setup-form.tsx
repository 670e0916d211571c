"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ProgramFields } from "@/components/programs/program-fields";
import { FieldError } from "@/components/ui/field-error";
import { NEW_PASSWORD_HINT, PasswordField } from "@/components/ui/password-field";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { fieldError } from "@/lib/forms/form-result";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { ProgramChoices } from "@/lib/programs/program-choices";
import { setupAction } from "./actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** The first owner (name, email, password) and the first program (the shared program fields). */
export function SetupForm({ token, choices }: { token: string; choices: ProgramChoices }) {
  const [signInError, setSignInError] = useState<string | null>(null);
  const { state, pending, onSubmit } = useFormAction(setupAction.bind(null, token), {
    // Set up: the new owner is signed in with the password as submitted.
    onAnswer: (answer, form) => {
      if (answer.status !== "done") return;
      const password = String(form.get("password") ?? "");
      signIn("credentials", { email: answer.email, password, redirect: false })
        .then((result) => {
          if (!result || result.error) throw new Error(result?.error ?? "no answer");
          // A full navigation, so the server renders the tab with the new session cookie.
          const tab = new URL(`/p/${answer.slug}/actions`, window.location.href);
          window.location.assign(tab);
        })
        .catch(() =>
          setSignInError("Your account is ready, but signing in failed: sign in below."),
        );
    },
  });

  if (state.status === "done") {
    return (
      <div role="status" className="mt-6 text-sm">
        {signInError ? (
          <p>
            {signInError}{" "}
            <a href={`/signin?callbackUrl=/p/${state.slug}/actions`} className="underline">
              Sign in
            </a>
          </p>
        ) : (
          <p>Actionboard is set up. Signing you in…</p>
        )}
      </div>
    );
  }

  const described = (field: string) => (fieldError(state, field) ? `${field}-error` : undefined);
  const programErrors = (state.status === "error" && state.fields) || {};

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6" aria-busy={pending} noValidate>
      <UntilHydrated className="space-y-6">
        {state.status === "error" && state.message && (
          <p
            role="alert"
            className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          >
            {state.message}
          </p>
        )}
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold">You, the first owner</legend>
          <FormField
            id="ownerName"
            label="Your name"
            error={<FieldError answer={state} field="ownerName" />}
          >
            <input
              id="ownerName"
              name="ownerName"
              autoComplete="name"
              required
              autoFocus
              aria-describedby={described("ownerName")}
              className={inputClass}
            />
          </FormField>
          <FormField id="email" label="Email" error={<FieldError answer={state} field="email" />}>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              aria-describedby={described("email")}
              className={inputClass}
            />
          </FormField>
          <PasswordField
            id="password"
            name="password"
            label="Password"
            hint={`${NEW_PASSWORD_HINT.slice(0, -1)} (a few unrelated words work well).`}
            error={<FieldError answer={state} field="password" />}
            describedBy={described("password")}
          />
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold">Your first program</legend>
          <ProgramFields
            choices={choices}
            initial={{ name: "", slug: "", timezone: "UTC", currency: "USD" }}
            creating
            errors={programErrors}
          />
        </fieldset>
        <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
          {pending ? "Setting up…" : "Create account and program"}
        </button>
      </UntilHydrated>
    </form>
  );
}
