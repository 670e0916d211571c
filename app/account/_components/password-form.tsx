"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { changePasswordAction, type AccountState } from "../actions";
import { FieldError, FormOutcome } from "./field-error";

/** A new password ends every session, this one too: sign this browser in again with it. */
export function PasswordForm() {
  const [state, change, pending] = useActionState<AccountState, FormData>(changePasswordAction, {
    status: "idle",
  });
  // The password as submitted: React empties the form once the action answers, before the
  // effect below signs in with it.
  const typed = useRef("");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "saved" || !state.email) return;
    void signIn("credentials", {
      email: state.email,
      password: typed.current,
      redirect: false,
    }).then(() => form.current?.reset());
  }, [state]);
  return (
    <form
      ref={form}
      action={change}
      onSubmit={(e) =>
        void (typed.current = String(new FormData(e.currentTarget).get("password") ?? ""))
      }
      className="space-y-4"
      noValidate
    >
      <FormField
        id="pw-current"
        label="Current password"
        error={<FieldError state={state} field="currentPassword" id="pw-current-error" />}
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
        error={<FieldError state={state} field="password" id="pw-new-error" />}
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
        error={<FieldError state={state} field="confirm" id="pw-confirm-error" />}
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
