"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { newActionsMessage } from "./new-actions-message";

const POLL_MS = 30_000;

/** Quietly asks every 30 s how many newer actions match the view; Reload brings them in. */
export function NewActionsNotice({ countUrl }: { countUrl: string }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [seenUrl, setSeenUrl] = useState(countUrl);
  const [pending, startTransition] = useTransition();
  if (seenUrl !== countUrl) {
    setSeenUrl(countUrl);
    setCount(0);
  }

  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(countUrl, { cache: "no-store" });
        if (response.ok && !stopped) setCount((await response.json()).count);
      } catch {
        // Offline or restarting: try again at the next tick.
      }
    };
    const timer = window.setInterval(check, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [countUrl]);

  if (count === 0) return null;
  return (
    <div
      role="status"
      className="flex items-center justify-between gap-3 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100"
    >
      <span>{newActionsMessage(count)}</span>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(() => router.refresh())}
        className="font-medium underline"
      >
        {pending ? "Reloading…" : "Reload"}
      </button>
    </div>
  );
}
