"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { ActionError } from "@/components/ui/action-error";
import { useFormAction } from "@/lib/forms/use-form-action";
import { revokeApiKeyAction } from "../actions";

export function RevokeKeyButton({ slug, id, label }: { slug: string; id: number; label: string }) {
  const { refusal, locked, onSubmit } = useFormAction(
    (_prev, form: FormData) => revokeApiKeyAction(slug, form),
    { confirm: () => `Revoke “${label}”? Requests using it will be refused at once.` },
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={locked}
        className={secondaryButtonClass}
        aria-label={`Revoke ${label}`}
      >
        Revoke
      </button>
      <ActionError error={refusal?.message} />
    </form>
  );
}
