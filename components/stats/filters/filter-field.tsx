import type { ReactNode } from "react";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";

/** What each filter gets from the bar: the draft, and a way to change part of it. */
export interface DraftProps {
  draft: ActionsTabFilters;
  set: (changes: Partial<ActionsTabFilters>) => void;
}

export const controlClass =
  "w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-950";

/** A filter's label above its controls: a `<label>` when one control (`htmlFor`) is named. */
export function Field({
  label,
  htmlFor,
  children,
  wide,
}: {
  label: string;
  htmlFor?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      {htmlFor ? (
        <label
          htmlFor={htmlFor}
          className="mb-1 block text-xs font-medium text-gray-600 dark:text-gray-300"
        >
          {label}
        </label>
      ) : (
        <p className="mb-1 text-xs font-medium text-gray-600 dark:text-gray-300">{label}</p>
      )}
      {children}
    </div>
  );
}
