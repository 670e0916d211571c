"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { removeConnectionAction } from "../actions";

/** Disconnect, asked twice: the keys and the webhook secret are deleted; imported data stays. */
export function DisconnectButton({ slug }: { slug: string }) {
  const [asking, setAsking] = useState(false);
  const { refusal, pending, locked, onSubmit } = useFormAction(() => removeConnectionAction(slug), {
    onAnswer: () => setAsking(false),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {asking ? (
        <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
          <span>
            Delete the keys and the webhook URL? An import under way stops; imported data stays.
          </span>
          <button
            type="submit"
            disabled={locked}
            className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
          >
            {pending ? "Disconnecting…" : "Yes, disconnect"}
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setAsking(true)}>
          Disconnect
        </button>
      )}
      {refusal && (
        <p role="alert" className="w-full text-red-600 dark:text-red-400">
          {refusal.message}
        </p>
      )}
    </div>
  );
}
