"use client";

import { useState } from "react";
import { Popover, PopoverPanel, PopoverTrigger } from "@/components/ui/popover";
import type { ViewInForce } from "@/lib/saved-views/view-in-force";
import { SaveViewForm, UpdateViewForm } from "./save-view-form";
import { SavedViewRow, type SavedView } from "./saved-view-row";

/** The button's words: the view in force, "Unsaved changes" to the view opened, or the count. */
function buttonText(inForce: ViewInForce, count: number) {
  if (inForce.state === "in_force") {
    return { shown: inForce.view.name, label: `Saved views: ${inForce.view.name}` };
  }
  if (inForce.state === "changed") {
    return {
      shown: "Unsaved changes",
      label: `Saved views: unsaved changes to “${inForce.view.name}”`,
    };
  }
  const shown = `Saved views${count ? ` (${count})` : ""}`;
  return { shown, label: shown };
}

/**
 * The program's saved views in one panel: every member opens them; owners and managers
 * (`canManage`) also save the current filters as a new view, update the view opened with them,
 * rename and delete views (the server refuses the others too). The panel floats over the page, so
 * on phones typing a name moves nothing below it.
 */
export function SavedViews({
  slug,
  query,
  views,
  inForce,
  canManage,
}: {
  slug: string;
  /** The applied filters (canonical query, no "?"). */
  query: string;
  views: SavedView[];
  inForce: ViewInForce;
  canManage: boolean;
}) {
  const [open, setOpen] = useState(false);
  const { shown, label } = buttonText(inForce, views.length);
  const current = inForce.state === "none" ? null : inForce.view;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={label}
        data-view-state={inForce.state}
        className="flex max-w-[14rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
      >
        <span
          className={`truncate ${inForce.state === "changed" ? "italic text-amber-700 dark:text-amber-400" : ""}`}
        >
          {shown}
        </span>
        <span aria-hidden="true" className="text-xs text-gray-400">
          ▾
        </span>
      </PopoverTrigger>
      <PopoverPanel
        aria-label="Saved views"
        align="end"
        // Escape in a row's form cancels that form only, not the whole panel.
        onEscapeKeyDown={(event) => {
          if ((event.target as Element | null)?.closest("[data-row-form]")) event.preventDefault();
        }}
        className="w-96 max-w-[calc(100vw-1rem)] space-y-2 p-2"
      >
        {inForce.state === "changed" && (
          <p className="px-1 text-xs text-gray-600 dark:text-gray-400">
            The filters changed since you opened “{inForce.view.name}”.
          </p>
        )}
        {canManage && inForce.state === "changed" && (
          <UpdateViewForm slug={slug} query={query} view={inForce.view} />
        )}
        {views.length === 0 ? (
          <p className="px-1 py-2 text-sm text-gray-500">No saved views yet.</p>
        ) : (
          <ul className="max-h-72 overflow-y-auto">
            {views.map((view) => (
              <SavedViewRow
                key={view.id}
                slug={slug}
                view={view}
                current={view.id === current?.id}
                canManage={canManage}
                onOpen={() => setOpen(false)}
              />
            ))}
          </ul>
        )}
        {canManage && <SaveViewForm slug={slug} query={query} />}
      </PopoverPanel>
    </Popover>
  );
}
