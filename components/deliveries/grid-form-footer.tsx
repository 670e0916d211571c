import { buttonClass } from "@/components/ui/styles";

type Answer = { status: string; message?: string; field?: string };

/**
 * A deliveries-style form's refusal split by where it shows: beside a field on screen (`problem`),
 * or under the button when its field is not shown or it names none (`general`).
 */
export function shownProblems(state: Answer, shown: ReadonlySet<string>) {
  const refused = state.status === "error";
  return {
    problem: (field: string) =>
      refused && state.field === field && shown.has(field) ? state.message : undefined,
    general: refused && !(state.field && shown.has(state.field)),
  };
}

/** The form's submit button, what it saved, and a refusal no field shows. */
export function GridFormFooter({
  label,
  pendingLabel,
  pending,
  state,
  general,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  state: Answer;
  general: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? pendingLabel : label}
      </button>
      {state.status === "saved" && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          {state.message}
        </p>
      )}
      {general && (
        <p role="alert" className="text-sm text-red-600">
          {state.message}
        </p>
      )}
    </div>
  );
}
