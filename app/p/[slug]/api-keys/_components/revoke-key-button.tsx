"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { revokeApiKeyAction, type RevokeKeyResult } from "../actions";
import { ActionError } from "@/components/ui/action-error";

export function RevokeKeyButton({ slug, id, label }: { slug: string; id: number; label: string }) {
  const [result, revoke, pending] = useActionState(
    (_prev: RevokeKeyResult, form: FormData) => revokeApiKeyAction(slug, form),
    {},
  );
  return (
    <form
      action={revoke}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${label}”? Requests using it will be refused at once.`))
          event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className={secondaryButtonClass}
        aria-label={`Revoke ${label}`}
      >
        Revoke
      </button>
      <ActionError error={result.error} />
    </form>
  );
}
