"use client";

import { useSyncExternalStore } from "react";
import {
  dismissDownload,
  getDownloads,
  getServerDownloads,
  subscribeToDownloads,
} from "@/components/stats/download-progress";

/**
 * One line per download that has taken over a second to start. Mount it once per page that has
 * ⋮ menus; the live region exists (empty) from the start so screen readers announce each line.
 */
export function DownloadStatus() {
  const downloads = useSyncExternalStore(subscribeToDownloads, getDownloads, getServerDownloads);
  const shown = downloads.filter((d) => d.state !== "waiting");
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 right-4 z-50 flex max-w-[calc(100vw-2rem)] flex-col items-end gap-2"
    >
      {shown.map((d) => (
        <p
          key={d.token}
          className="pointer-events-auto flex items-center gap-2 rounded-md bg-gray-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-gray-100 dark:text-gray-900"
        >
          {d.state === "preparing" ? (
            <>
              <span
                aria-hidden="true"
                className="h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
              />
              Preparing {d.file}…
            </>
          ) : (
            <>
              The download of {d.file} is taking longer than expected.
              <button
                type="button"
                onClick={() => dismissDownload(d.token)}
                aria-label={`Dismiss the message about ${d.file}`}
                className="rounded px-1 font-medium underline"
              >
                Dismiss
              </button>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
