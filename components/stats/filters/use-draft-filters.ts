"use client";

import { useQueryStates, type UseQueryStatesKeysMap } from "nuqs";
import { useState, useTransition } from "react";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";

/**
 * Filters edited as a draft: nothing changes on the page until `apply` writes them to the URL (a
 * new history entry, `urlKeys` only) and the server renders the new view. When the applied
 * filters change under the draft (back/forward, a saved view), the draft follows them;
 * `serialize` says whether two sets of filters are the same view.
 */
export function useDraftFilters<Keys extends UseQueryStatesKeysMap>(
  applied: ActionsTabFilters,
  urlKeys: Keys,
  serialize: (filters: ActionsTabFilters) => string,
) {
  const [pending, startTransition] = useTransition();
  // Only the setter: what is applied is what the server says it applied, not the raw URL.
  const [, apply] = useQueryStates(urlKeys, { shallow: false, history: "push", startTransition });
  const appliedKey = serialize(applied);
  const [draft, setDraft] = useState<ActionsTabFilters>(applied);
  const [timeframeValid, setTimeframeValid] = useState(true);
  const [syncedKey, setSyncedKey] = useState(appliedKey);
  // Remounts the filters that keep their own state while being edited (timeframe text,
  // a membership condition without choices yet).
  const [formVersion, setFormVersion] = useState(0);

  const discard = () => {
    setDraft(applied);
    setTimeframeValid(true);
    setFormVersion((v) => v + 1);
  };
  if (appliedKey !== syncedKey) {
    setSyncedKey(appliedKey);
    discard();
  }

  return {
    draft,
    setDraft,
    set: (changes: Partial<ActionsTabFilters>) => setDraft((d) => ({ ...d, ...changes })),
    dirty: serialize(draft) !== appliedKey,
    discard,
    timeframeValid,
    setTimeframeValid,
    formVersion,
    apply,
    pending,
  };
}
