"use client";

import { signOut } from "next-auth/react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const { pending, locked, onSubmit } = useFormAction(() => signOutEverywhereAction(), {
    confirm: () => "Sign out on every device and browser, this one included?",
    onAnswer: () => void signOut({ callbackUrl: "/signin" }),
  });
  return (
    <form method="post" onSubmit={onSubmit}>
      <button type="submit" disabled={locked} className={secondaryButtonClass}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </form>
  );
}
