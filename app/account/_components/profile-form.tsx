"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { updateProfileAction, type AccountState } from "../actions";
import { FieldError, FormOutcome } from "./field-error";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, save, pending] = useActionState<AccountState, FormData>(updateProfileAction, {
    status: "idle",
  });
  return (
    <form action={save} className="space-y-4" noValidate>
      <FormField
        id="profile-name"
        label="Name"
        error={<FieldError state={state} field="name" id="profile-name-error" />}
      >
        <input
          id="profile-name"
          name="name"
          defaultValue={state.status === "idle" ? name : (state.values?.name ?? name)}
          autoComplete="name"
          required
          className={inputClass}
        />
      </FormField>
      <FormField
        id="profile-email"
        label="Email"
        hint="You sign in with it; invitations and reset links go there."
        error={<FieldError state={state} field="email" id="profile-email-error" />}
      >
        <input
          id="profile-email"
          name="email"
          type="email"
          defaultValue={state.status === "idle" ? email : (state.values?.email ?? email)}
          autoComplete="username"
          required
          className={inputClass}
        />
      </FormField>
      <FormField
        id="profile-current"
        label="Current password"
        hint="Needed only to change your email."
        error={<FieldError state={state} field="currentPassword" id="profile-current-error" />}
      >
        <input
          id="profile-current"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={inputClass}
        />
      </FormField>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Saving…" : "Save"}
        </button>
        <FormOutcome state={state} />
      </div>
    </form>
  );
}
