"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { NEW_PASSWORD_HINT, PasswordField } from "@/components/ui/password-field";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { acceptInvitationAction } from "./actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Joins the program: a new person gives name and password; a signed-in account just confirms. */
export function AcceptForm({
  token,
  email,
  programName,
  newAccount,
}: {
  token: string;
  email: string;
  programName: string;
  newAccount: boolean;
}) {
  const [signInFailed, setSignInFailed] = useState(false);
  const { state, pending, onSubmit } = useFormAction(acceptInvitationAction.bind(null, token), {
    clearPasswords: true,
    // Joined: open the program, signing a new person in with the password as submitted.
    onAnswer: (answer, form) => {
      if (answer.status !== "joined") return;
      const tab = new URL(`/p/${answer.slug}/actions`, window.location.href);
      if (answer.signedIn) {
        window.location.assign(tab);
        return;
      }
      signIn("credentials", {
        email: answer.email,
        password: String(form.get("password") ?? ""),
        redirect: false,
      })
        .then((result) => {
          if (!result || result.error) throw new Error("sign-in failed");
          window.location.assign(tab);
        })
        .catch(() => setSignInFailed(true));
    },
  });

  if (state.status === "joined") {
    return (
      <p role="status" className="mt-6 text-sm">
        {signInFailed ? (
          <>
            You joined {programName}.{" "}
            <a href={`/signin?callbackUrl=/p/${state.slug}/actions`} className="underline">
              Sign in
            </a>{" "}
            to open it.
          </>
        ) : (
          `You joined ${programName}. Opening it…`
        )}
      </p>
    );
  }
  const error = (field: "name" | "password" | "token") =>
    state.status === "error" && (state.field ?? "token") === field ? (
      <p id={`${field}-error`} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
        {state.message}
      </p>
    ) : null;
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6" noValidate>
      <UntilHydrated className="space-y-4">
        {newAccount && (
          <>
            <FormField id="email" label="Email">
              <input
                id="email"
                name="username"
                type="email"
                autoComplete="username"
                value={email}
                readOnly
                className={`${inputClass} bg-gray-50 dark:bg-gray-900`}
              />
            </FormField>
            <FormField id="name" label="Your name" error={error("name")}>
              <input
                id="name"
                name="name"
                autoComplete="name"
                required
                autoFocus
                className={inputClass}
              />
            </FormField>
            <PasswordField
              id="password"
              name="password"
              label="Choose a password"
              hint={NEW_PASSWORD_HINT}
              error={error("password")}
            />
          </>
        )}
        {error("token")}
        <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
          {pending ? "Joining…" : newAccount ? "Create account and join" : `Join ${programName}`}
        </button>
      </UntilHydrated>
    </form>
  );
}
