"use client";

import * as RadixPopover from "@radix-ui/react-popover";
import type { ComponentPropsWithoutRef } from "react";

/**
 * Radix Popover with the app's panel look. Radix closes it on Escape or an outside click, returns
 * focus to the trigger and keeps the panel on screen (flips and shifts against the viewport).
 */
export const Popover = RadixPopover.Root;
export const PopoverTrigger = RadixPopover.Trigger;

/**
 * The panel, rendered in place rather than in a portal: it stays inside its form (Enter in a
 * field still submits it) and next to its trigger in the tab order.
 */
export function PopoverPanel({
  className = "",
  ...props
}: ComponentPropsWithoutRef<typeof RadixPopover.Content>) {
  return (
    <RadixPopover.Content
      side="bottom"
      sideOffset={4}
      collisionPadding={8}
      className={`z-30 rounded-md border border-gray-200 bg-white shadow-lg dark:border-gray-700 dark:bg-gray-900 ${className}`}
      {...props}
    />
  );
}
