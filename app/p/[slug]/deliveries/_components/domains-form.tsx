"use client";

import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { setDomainsAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Owners: the outside domains allowed as recipients, one per line or comma. */
export function DomainsForm({ slug, domains }: { slug: string; domains: string[] }) {
  // A refused list stays in the field to be corrected.
  const { state, pending, onSubmit } = useFormAction(setDomainsAction.bind(null, slug));
  return (
    <form method="post" onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
      <UntilHydrated>
        <div className="min-w-64 flex-1">
          <label htmlFor="delivery-domains" className="block text-sm font-medium">
            Domains
          </label>
          <input
            id="delivery-domains"
            name="domains"
            defaultValue={domains.join(", ")}
            placeholder="agency.example, partner.example"
            aria-describedby="delivery-domains-answer"
            aria-invalid={state.status === "error" || undefined}
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? "Saving…" : "Save domains"}
        </button>
        <p
          id="delivery-domains-answer"
          role={state.status === "error" ? "alert" : "status"}
          className={`w-full text-sm ${state.status === "error" ? "text-red-600" : "text-gray-600 dark:text-gray-400"}`}
        >
          {state.message}
        </p>
      </UntilHydrated>
    </form>
  );
}
