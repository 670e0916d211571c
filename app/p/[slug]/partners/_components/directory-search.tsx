"use client";

import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass } from "@/components/ui/styles";

/** "Name or email contains": applied on Enter or Search, from the first page. */
export function DirectorySearch({ applied }: { applied: string }) {
  const [pending, startTransition] = useTransition();
  const [, setUrl] = useQueryStates(
    { q: parseAsString, after: parseAsInteger },
    { shallow: false, history: "push", startTransition },
  );
  const [text, setText] = useState(applied);
  const [synced, setSynced] = useState(applied);
  // Back/forward changed the search: the box follows it.
  if (applied !== synced) {
    setSynced(applied);
    setText(applied);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    void setUrl({ q: q || null, after: null });
  }

  return (
    <form role="search" onSubmit={search} className="flex items-end gap-2">
      <label className="block min-w-0 flex-1 text-sm font-medium" htmlFor="partner-search">
        Name or email contains
        <input
          id="partner-search"
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          className={inputClass}
        />
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Searching…" : "Search"}
      </button>
    </form>
  );
}
