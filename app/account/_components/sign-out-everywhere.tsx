"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className={secondaryButtonClass}
      onClick={() => {
        if (!window.confirm("Sign out on every device and browser, this one included?")) return;
        start(async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/signin" });
        });
      }}
    >
      {pending ? "Signing out…" : "Sign out everywhere"}
    </button>
  );
}
