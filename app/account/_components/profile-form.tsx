"use client";

import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { updateProfileAction } from "../actions";
import { FieldError } from "@/components/ui/field-error";
import { FormOutcome } from "./form-outcome";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const { state, pending, onSubmit } = useFormAction(updateProfileAction, { clearPasswords: true });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <UntilHydrated className="space-y-4">
        <FormField
          id="profile-name"
          label="Name"
          error={<FieldError answer={state} field="name" id="profile-name-error" />}
        >
          <input
            id="profile-name"
            name="name"
            defaultValue={name}
            autoComplete="name"
            required
            className={inputClass}
          />
        </FormField>
        <FormField
          id="profile-email"
          label="Email"
          hint="You sign in with it; invitations and reset links go there."
          error={<FieldError answer={state} field="email" id="profile-email-error" />}
        >
          <input
            id="profile-email"
            name="email"
            type="email"
            defaultValue={email}
            autoComplete="username"
            required
            className={inputClass}
          />
        </FormField>
        <FormField
          id="profile-current"
          label="Current password"
          hint="Needed only to change your email."
          error={<FieldError answer={state} field="currentPassword" id="profile-current-error" />}
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
      </UntilHydrated>
    </form>
  );
}
