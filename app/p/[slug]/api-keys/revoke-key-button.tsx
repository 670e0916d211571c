"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyButton({ slug, id, label }: { slug: string; id: number; label: string }) {
  return (
    <form
      action={revokeApiKeyAction.bind(null, slug)}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${label}”? Requests using it will be refused at once.`))
          event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} aria-label={`Revoke ${label}`}>
        Revoke
      </button>
    </form>
  );
}
