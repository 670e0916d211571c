"use client";

import type { ReactNode } from "react";
import { useHydrated } from "@/lib/forms/use-hydrated";

/**
 * A form's fields and buttons, disabled until React has hydrated the page. Before that the form's
 * `onSubmit` is not attached: a click would let the browser send it itself (a GET with every
 * field in the URL, passwords included), and what is typed can be overwritten as React takes the
 * fields over. `display: contents`, so the form lays out as if the fieldset were not there.
 * lib/forms/forms-declare-method.test.ts and e2e/forms-before-hydration.spec.ts hold every form to it.
 */
export function UntilHydrated({
  children,
  className = "",
}: {
  children: ReactNode;
  /** Spacing between the fields (`space-y-4`): the form's own would reach only this fieldset. */
  className?: string;
}) {
  const hydrated = useHydrated();
  return (
    // role="none": a wrapper, not a group of its own for assistive technology.
    <fieldset disabled={!hydrated} role="none" className={`contents ${className}`.trim()}>
      {children}
    </fieldset>
  );
}
