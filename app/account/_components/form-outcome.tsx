import type { AccountState } from "../actions";

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
