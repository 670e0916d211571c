"use client";

import { secondaryButtonClass } from "@/components/ui/styles";

/** The log could not be read (the database did not answer): say so, and offer to try again. */
export default function AuditLogError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>The audit log could not be loaded. Nothing was changed.</p>
      <button type="button" onClick={reset} className={secondaryButtonClass}>
        Try again
      </button>
    </div>
  );
}
