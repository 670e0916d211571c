import type { ReactNode } from "react";
import { FormField } from "./form-field";
import { inputClass } from "./styles";

/** What the password policy asks, in words (lib/accounts/password-policy.ts decides). */
export const NEW_PASSWORD_HINT = "At least 12 characters, not easy to guess.";

/**
 * A password in its labelled field (required, never shown): a new one (the default, with the
 * policy's hint where `hint` says so) or the current one (`autoComplete="current-password"`).
 */
export function PasswordField({
  id,
  name,
  label,
  hint,
  error,
  autoComplete = "new-password",
  autoFocus,
  describedBy,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: ReactNode;
  autoComplete?: "new-password" | "current-password";
  autoFocus?: boolean;
  describedBy?: string;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        className={inputClass}
      />
    </FormField>
  );
}
