"use client";

import { useState, useTransition } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { removeConnectionAction, type SimpleResult } from "../actions";

/** Disconnect, asked twice: the keys and the webhook secret are deleted; imported data stays. */
export function DisconnectButton({ slug }: { slug: string }) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<SimpleResult>({});
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {asking ? (
        <>
          <span>
            Delete the keys and the webhook URL? An import under way stops; imported data stays.
          </span>
          <button
            type="button"
            disabled={pending}
            className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
            onClick={() =>
              startTransition(async () => {
                setResult(await removeConnectionAction(slug));
                setAsking(false);
              })
            }
          >
            {pending ? "Disconnecting…" : "Yes, disconnect"}
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setAsking(true)}>
          Disconnect
        </button>
      )}
      {result.error && (
        <p role="alert" className="w-full text-red-600 dark:text-red-400">
          {result.error}
        </p>
      )}
    </div>
  );
}
