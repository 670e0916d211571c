import { ActionError } from "./action-error";

/**
 * A server action's answer beside the control that asked: its refusal as an alert, or the
 * sentence saying what was done (announced to screen readers either way).
 */
export function ActionAnswer({ answer }: { answer: { status: string; message?: string } }) {
  if (answer.status === "error") return <ActionError error={answer.message} />;
  if (answer.status === "idle" || !answer.message) return null;
  return (
    <span role="status" className="text-xs text-green-700 dark:text-green-400">
      {answer.message}
    </span>
  );
}
