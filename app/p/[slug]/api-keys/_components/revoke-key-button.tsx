"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { ActionError } from "@/components/ui/action-error";
import { useFormAction } from "@/lib/forms/use-form-action";
import { revokeApiKeyAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function RevokeKeyButton({ slug, id, label }: { slug: string; id: number; label: string }) {
  const { refusal, pending, onSubmit } = useFormAction(
    (_prev, form: FormData) => revokeApiKeyAction(slug, form),
    { confirm: () => `Revoke “${label}”? Requests using it will be refused at once.` },
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex items-center gap-2">
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className={secondaryButtonClass}
          aria-label={`Revoke ${label}`}
        >
          Revoke
        </button>
        <ActionError error={refusal?.message} />
      </UntilHydrated>
    </form>
  );
}
