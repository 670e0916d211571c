import type { GroupFormState } from "../actions";

/** The answer to a submit, announced: a refusal as an alert, a change as a status. */
export function FormStatus({ state, id }: { state: GroupFormState; id?: string }) {
  if (state.status === "error") {
    return (
      <p id={id} role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
        {state.message}
      </p>
    );
  }
  if (state.status === "done") {
    return (
      <p role="status" className="mt-1 text-xs text-green-700 dark:text-green-400">
        {state.message}
      </p>
    );
  }
  return null;
}
