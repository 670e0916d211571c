/** What a server action refused, beside the control that asked (announced to screen readers). */
export function ActionError({ error }: { error?: string | null }) {
  return error ? (
    <span role="alert" className="text-xs text-red-600">
      {error}
    </span>
  ) : null;
}
