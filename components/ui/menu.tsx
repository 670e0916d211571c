"use client";

import { useState, type ReactNode } from "react";
import { Popover, PopoverPanel, PopoverTrigger } from "./popover";

/**
 * A button that opens a small panel of links and buttons (a disclosure, not an ARIA menu: its
 * entries stay links and buttons). Opens on click or Enter/Space with focus left on the button;
 * closes on Escape, an outside click or choosing an entry, and returns focus to the button.
 */
export function Menu({
  label,
  button,
  children,
  align = "right",
}: {
  label: string;
  button: ReactNode;
  children: ReactNode;
  align?: "left" | "right";
}) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={label}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
      >
        {button}
        <span aria-hidden="true" className="text-xs text-gray-400">
          ▾
        </span>
      </PopoverTrigger>
      <PopoverPanel
        aria-label={label}
        align={align === "right" ? "end" : "start"}
        onOpenAutoFocus={(event) => event.preventDefault()}
        onClick={() => setOpen(false)}
        className="min-w-56 py-1"
      >
        {children}
      </PopoverPanel>
    </Popover>
  );
}
