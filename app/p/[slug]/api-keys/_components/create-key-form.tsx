"use client";

import { useState } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createApiKeyAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function CreateKeyForm({ slug }: { slug: string }) {
  const { state, pending, onSubmit } = useFormAction(createApiKeyAction.bind(null, slug), {
    resetOnDone: true,
  });
  const [copied, setCopied] = useState(false);

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <UntilHydrated>
          <div className="min-w-64 flex-1">
            <label htmlFor="key-label" className="block text-sm font-medium">
              Label
            </label>
            <input
              id="key-label"
              name="label"
              required
              maxLength={100}
              placeholder="Production backend"
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor="key-mode" className="block text-sm font-medium">
              Mode
            </label>
            <select id="key-mode" name="mode" defaultValue="live" className={inputClass}>
              <option value="live">Live</option>
              <option value="test">Test</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Creating…" : "Create key"}
          </button>
        </UntilHydrated>
      </form>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </p>
      )}
      {state.status === "created" && (
        <div
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="font-medium">
            Key “{state.label}” created. Copy the secret now: it is shown only once.
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs">
            <dt className="font-sans text-gray-600 dark:text-gray-400">Public key</dt>
            <dd className="break-all">{state.publicKey}</dd>
            <dt className="font-sans text-gray-600 dark:text-gray-400">Secret key</dt>
            <dd className="break-all" data-testid="new-secret">
              {state.secret}
            </dd>
          </dl>
          <button
            type="button"
            className={`${secondaryButtonClass} mt-3`}
            onClick={async () => {
              await navigator.clipboard.writeText(state.secret);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy secret"}
          </button>
        </div>
      )}
    </div>
  );
}
