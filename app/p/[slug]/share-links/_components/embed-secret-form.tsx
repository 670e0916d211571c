"use client";

import { ActionAnswer } from "@/components/ui/action-answer";
import { secondaryButtonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { useFormAction } from "@/lib/forms/use-form-action";
import { rotateEmbedSecretAction } from "../actions";

/** Makes the program's first embed secret, or replaces it (asking first: old URLs stop). */
export function EmbedSecretForm({ slug, exists }: { slug: string; exists: boolean }) {
  const { state, pending, onSubmit } = useFormAction(
    (_prev, form: FormData) => rotateEmbedSecretAction(slug, form),
    {
      confirm: () =>
        exists
          ? "Replace the embed secret? Every URL signed with the current one stops opening."
          : null,
    },
  );
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <UntilHydrated>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {exists ? "Replace the secret" : "Make an embed secret"}
        </button>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}
