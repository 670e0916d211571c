"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PasswordField } from "@/components/ui/password-field";
import { buttonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { useFormAction } from "@/lib/forms/use-form-action";
import { unlockShareLinkAction } from "../actions";

export function SharePasswordForm({ programId, token }: { programId: number; token: string }) {
  const { state, pending, onSubmit } = useFormAction(unlockShareLinkAction);
  const router = useRouter();
  useEffect(() => {
    if (state.status === "open") router.refresh();
  }, [state.status, router]);
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6" noValidate>
      <UntilHydrated className="space-y-4">
        <input type="hidden" name="programId" value={programId} />
        <input type="hidden" name="token" value={token} />
        <PasswordField
          id="share-password"
          name="password"
          label="Password"
          autoComplete="current-password"
          autoFocus
          error={
            state.status === "error" && (
              <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
                {state.message}
              </p>
            )
          }
        />
        <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>
          {pending ? "Opening…" : "Open"}
        </button>
      </UntilHydrated>
    </form>
  );
}
