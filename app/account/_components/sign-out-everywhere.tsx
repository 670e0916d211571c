"use client";

import { signOut } from "next-auth/react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { signOutEverywhereAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export function SignOutEverywhere() {
  const { pending, onSubmit } = useFormAction(() => signOutEverywhereAction(), {
    confirm: () => "Sign out on every device and browser, this one included?",
    onAnswer: () => void signOut({ callbackUrl: "/signin" }),
  });
  return (
    <form method="post" onSubmit={onSubmit}>
      <UntilHydrated>
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </button>
      </UntilHydrated>
    </form>
  );
}
