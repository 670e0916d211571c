import { Fragment } from "react";

export const codeClass =
  "rounded bg-gray-100 px-1 py-0.5 font-mono text-[0.85em] text-gray-900 dark:bg-gray-800 dark:text-gray-100";

/**
 * Text of the OpenAPI document, whose descriptions mark code with backticks as Markdown does
 * ("422 naming `group_key`"): the marked parts as code, the rest as text.
 */
export function CodeText({ text }: { text: string }) {
  // Splitting on a capturing group puts the code parts at the odd indexes.
  const parts = text.split(/`([^`]+)`/);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className={codeClass}>
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
