"use client";

import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { ActionAnswer } from "@/components/ui/action-answer";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteViewAction, renameViewAction } from "../saved-view-actions";
import { savedViewHref } from "@/lib/saved-views/saved-view-href";
import { nameBox } from "./save-view-form";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export type SavedView = { id: number; name: string; query: string; schedules: number };

const small = "rounded px-1 text-xs text-gray-500 hover:text-blue-600";

/**
 * One saved view: open it, schedule it, and (managers) rename it in place or delete it. Deleting
 * asks first, in the row: a deleted view takes its delivery schedules with it, which an undo
 * could not honestly bring back (their history and next runs are gone), so nothing is undone.
 */
export function SavedViewRow({
  slug,
  view,
  current,
  canManage,
  onOpen,
}: {
  slug: string;
  view: SavedView;
  current: boolean;
  canManage: boolean;
  onOpen: () => void;
}) {
  const [mode, setMode] = useState<"show" | "rename" | "delete">("show");
  const back = () => setMode("show");
  if (mode === "rename") return <RenameRow slug={slug} view={view} onDone={back} />;
  if (mode === "delete") return <DeleteRow slug={slug} view={view} onCancel={back} />;
  return (
    <li className="flex items-center gap-1 rounded px-1 hover:bg-gray-100 dark:hover:bg-gray-800">
      <Link
        href={savedViewHref(slug, view)}
        onClick={onOpen}
        aria-current={current ? "page" : undefined}
        className={`min-w-0 flex-1 truncate py-1 text-sm ${current ? "font-semibold" : ""}`}
        title={view.name}
      >
        {view.name}
      </Link>
      <Link
        href={`/p/${slug}/deliveries?view=${view.id}#new`}
        aria-label={`Schedule delivery of ${view.name}`}
        className={small}
      >
        Schedule
      </Link>
      <Link
        href={`/p/${slug}/alerts?view=${view.id}#new`}
        aria-label={`Alert on ${view.name}`}
        className={small}
      >
        Alert
      </Link>
      {canManage && (
        <>
          <Link
            href={`/p/${slug}/share-links?view=${view.id}`}
            aria-label={`Share ${view.name} by link`}
            className={small}
          >
            Share
          </Link>
          <button
            type="button"
            onClick={() => setMode("rename")}
            aria-label={`Rename saved view ${view.name}`}
            className={small}
          >
            Rename
          </button>
          <button
            type="button"
            onClick={() => setMode("delete")}
            aria-label={`Delete saved view ${view.name}`}
            className="rounded px-1 text-xs text-gray-500 hover:text-red-600"
          >
            Delete
          </button>
        </>
      )}
    </li>
  );
}

function RenameRow({ slug, view, onDone }: { slug: string; view: SavedView; onDone: () => void }) {
  const { state, pending, onSubmit, error } = useFormAction(renameViewAction.bind(null, slug), {
    onAnswer: (answer) => answer.status === "saved" && onDone(),
  });
  const id = `rename-view-${view.id}`;
  return (
    <RowForm
      view={view}
      onSubmit={onSubmit}
      answer={state}
      onCancel={onDone}
      question={
        <label htmlFor={id} className="text-xs text-gray-600">
          New name for “{view.name}”
        </label>
      }
    >
      <input
        id={id}
        name="name"
        defaultValue={view.name}
        maxLength={80}
        autoFocus
        aria-invalid={error("name") ? true : undefined}
        className={nameBox}
      />
      <button type="submit" disabled={pending} className={small}>
        Save
      </button>
    </RowForm>
  );
}

function DeleteRow({
  slug,
  view,
  onCancel,
}: {
  slug: string;
  view: SavedView;
  onCancel: () => void;
}) {
  const { state, pending, onSubmit } = useFormAction(deleteViewAction.bind(null, slug));
  const n = view.schedules;
  const stops =
    n > 0
      ? ` It is sent by ${n} scheduled ${n === 1 ? "delivery" : "deliveries"}, which stop${n === 1 ? "s" : ""} too.`
      : "";
  return (
    <RowForm
      view={view}
      onSubmit={onSubmit}
      answer={state}
      onCancel={onCancel}
      question={
        <p className="text-sm">
          Delete “{view.name}”?{stops}
        </p>
      }
    >
      <button
        type="submit"
        disabled={pending}
        autoFocus
        className="rounded-md bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-700"
      >
        Delete
      </button>
    </RowForm>
  );
}

/** A row turned into a small form (rename, confirm deletion); Escape or Cancel turns it back. */
function RowForm({
  view,
  question,
  onSubmit,
  answer,
  onCancel,
  children,
}: {
  view: SavedView;
  question: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  answer: { status: string; message?: string };
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <li className="px-1 py-1">
      <form
        method="post"
        data-row-form
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          // Escape leaves the view as it was; the panel stays open (see SavedViews).
          if (e.key === "Escape") onCancel();
        }}
      >
        <UntilHydrated>
          {question}
          <input type="hidden" name="id" value={view.id} />
          <div className="mt-1 flex items-center gap-1">
            {children}
            <button type="button" onClick={onCancel} className={small}>
              Cancel
            </button>
          </div>
          <ActionAnswer answer={answer} />
        </UntilHydrated>
      </form>
    </li>
  );
}
