"use client";

import { useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createShareLinkAction } from "../actions";

/** Share a saved view: which one, an optional password and last day; the new link to copy. */
export function CreateShareLinkForm({
  slug,
  views,
  chosen,
  origin,
}: {
  slug: string;
  views: { id: number; name: string }[];
  chosen: number | null;
  origin: string;
}) {
  const { state, pending, onSubmit, error } = useFormAction(
    createShareLinkAction.bind(null, slug),
    { resetOnDone: true },
  );
  const [copied, setCopied] = useState<string | null>(null);
  const url = state.status === "created" ? `${origin}${state.path}` : null;

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <UntilHydrated>
          <div className="min-w-56 flex-1">
            <label htmlFor="share-view" className="block text-sm font-medium">
              Saved view
            </label>
            <select
              id="share-view"
              name="savedViewId"
              required
              defaultValue={chosen ?? views[0]?.id}
              className={inputClass}
              aria-invalid={error("savedViewId") ? true : undefined}
            >
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
            <ActionError error={error("savedViewId")} />
          </div>
          <div className="min-w-48">
            <label htmlFor="share-password" className="block text-sm font-medium">
              Password <span className="font-normal text-gray-600">(optional)</span>
            </label>
            <input
              id="share-password"
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={200}
              className={inputClass}
            />
            <ActionError error={error("password")} />
          </div>
          <div>
            <label htmlFor="share-expires" className="block text-sm font-medium">
              Last day <span className="font-normal text-gray-600">(optional)</span>
            </label>
            <input id="share-expires" name="expires" type="date" className={inputClass} />
            <ActionError error={error("expires")} />
          </div>
          <div className="basis-full">
            <label htmlFor="share-embed" className="block text-sm font-medium">
              Sites that may embed it{" "}
              <span className="font-normal text-gray-600">(optional, no password then)</span>
            </label>
            <input
              id="share-embed"
              name="embedOrigins"
              maxLength={2000}
              placeholder="https://wiki.example.com https://intranet.example.com:8443"
              aria-describedby="share-embed-hint"
              aria-invalid={error("embedOrigins") ? true : undefined}
              className={inputClass}
            />
            <p id="share-embed-hint" className="mt-1 text-xs text-gray-600 dark:text-gray-400">
              Pages of these sites may show the view in an &lt;iframe&gt; (the list page gives the
              code); every other site is refused by the browser.
            </p>
            <ActionError error={error("embedOrigins")} />
          </div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Creating…" : "Create link"}
          </button>
        </UntilHydrated>
      </form>
      {state.status === "error" && !state.field && !state.fields && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </p>
      )}
      {url && (
        <div
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
        >
          <p className="font-medium">Link created. Anyone who has it sees this view, read-only.</p>
          <p className="mt-2 break-all font-mono text-xs" data-testid="new-share-link">
            {url}
          </p>
          <button
            type="button"
            className={`${secondaryButtonClass} mt-3`}
            onClick={async () => {
              await navigator.clipboard.writeText(url);
              setCopied(url);
            }}
          >
            {copied === url ? "Copied" : "Copy link"}
          </button>
        </div>
      )}
    </div>
  );
}
