import type { SelectHTMLAttributes } from "react";

/** A native select of `[value, label]` choices (keyboard and screen readers as the platform does). */
export function ChoiceSelect({
  choices,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  choices: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <select {...props}>
      {choices.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}
