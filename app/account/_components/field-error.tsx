import { fieldError } from "@/lib/forms/form-result";
import type { AccountState } from "../actions";

/** The error of one field of an account form, announced. */
export function FieldError({
  state,
  field,
  id,
}: {
  state: AccountState;
  field: string;
  id: string;
}) {
  const error = fieldError(state, field);
  return error ? (
    <p id={id} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

/** A form-wide outcome: saved, or an error not tied to one field. */
export function FormOutcome({ state }: { state: AccountState }) {
  if (state.status === "saved")
    return (
      <p role="status" className="text-sm text-green-700 dark:text-green-400">
        {state.message}
      </p>
    );
  if (state.status === "error" && !state.field)
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {state.message}
      </p>
    );
  return null;
}
