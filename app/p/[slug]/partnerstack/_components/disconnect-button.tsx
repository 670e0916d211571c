"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { removeConnectionAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Disconnect, asked twice: the keys and the webhook secret are deleted; imported data stays. */
export function DisconnectButton({ slug }: { slug: string }) {
  const [asking, setAsking] = useState(false);
  const { refusal, pending, onSubmit } = useFormAction(() => removeConnectionAction(slug), {
    onAnswer: () => setAsking(false),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {asking ? (
        <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
          <UntilHydrated>
            <span>
              Delete the keys and the webhook URL? An import under way stops; imported data stays.
            </span>
            <button
              type="submit"
              disabled={pending}
              className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
            >
              {pending ? "Disconnecting…" : "Yes, disconnect"}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </UntilHydrated>
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
