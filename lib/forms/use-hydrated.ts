import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs in the browser. A form
 * submitted before that would be sent by the browser itself (a GET to the page, its fields in the
 * URL — passwords included), so submit buttons stay disabled until it turns true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
