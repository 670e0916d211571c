"use client";

import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { PARTNERSTACK_BASE_URL } from "@/lib/partnerstack/base-url";
import { connectAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** Base URL and key pair; the server checks them with one list call before saving anything. */
export function ConnectForm({
  slug,
  defaultBaseUrl,
  replacing,
}: {
  slug: string;
  defaultBaseUrl: string;
  replacing: boolean;
}) {
  // A refused key pair stays in the fields to be corrected.
  const form = useFormAction(connectAction.bind(null, slug));
  const { state, pending } = form;
  const error = (field: string) =>
    form.error(field) ? (
      <p id={`ps-${field}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
        {form.error(field)}
      </p>
    ) : null;
  /** The control's link to its error, when the server named this field. */
  const invalid = (field: string) =>
    form.error(field)
      ? { "aria-describedby": `ps-${field}-error`, "aria-invalid": true }
      : { "aria-invalid": false };

  return (
    <form
      method="post"
      onSubmit={form.onSubmit}
      className="grid max-w-2xl gap-3"
      aria-busy={pending}
    >
      <UntilHydrated>
        <FormField
          id="ps-base-url"
          label="API base URL"
          hint={`Leave empty for PartnerStack’s: ${PARTNERSTACK_BASE_URL}`}
          error={error("baseUrl")}
        >
          <input
            id="ps-base-url"
            name="baseUrl"
            type="url"
            defaultValue={defaultBaseUrl}
            placeholder={PARTNERSTACK_BASE_URL}
            {...invalid("baseUrl")}
            className={inputClass}
          />
        </FormField>
        <FormField id="ps-public-key" label="Public key" error={error("publicKey")}>
          <input
            id="ps-public-key"
            name="publicKey"
            required
            autoComplete="off"
            {...invalid("publicKey")}
            className={`${inputClass} font-mono`}
          />
        </FormField>
        <FormField
          id="ps-secret-key"
          label="Secret key"
          hint="Stored encrypted and never shown again."
          error={error("secretKey")}
        >
          <input
            id="ps-secret-key"
            name="secretKey"
            type="password"
            required
            autoComplete="new-password"
            {...invalid("secretKey")}
            className={`${inputClass} font-mono`}
          />
        </FormField>
        {state.status === "error" && !state.field && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {state.message}
          </p>
        )}
        {state.status === "error" && state.field && (
          <p role="alert" className="sr-only">
            {state.message}
          </p>
        )}
        {state.status === "connected" && replacing && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            Keys replaced.
          </p>
        )}
        <div>
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Checking the keys…" : replacing ? "Replace keys" : "Connect"}
          </button>
        </div>
      </UntilHydrated>
    </form>
  );
}
