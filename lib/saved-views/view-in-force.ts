import { canonicalViewQuery } from "./canonical-query";

type View = { id: number; name: string; query: string };

/** What the Saved views button names: the view in force, one changed since, or none. */
export type ViewInForce =
  { state: "in_force"; view: View } | { state: "changed"; view: View } | { state: "none" };

/**
 * Which saved view the page shows. `filterQuery` is the applied filters (canonical); `openedId`
 * the view the URL says the page came from (`view`). A view whose filters equal the applied
 * ones is in force (the one opened first, when two views hold the same filters); the view opened
 * but changed since is "changed"; otherwise none.
 */
export function viewInForce(
  views: readonly View[],
  filterQuery: string,
  openedId: number | null,
): ViewInForce {
  const opened = views.find((v) => v.id === openedId);
  const same = (v: View) => canonicalViewQuery(v.query) === filterQuery;
  if (opened && same(opened)) return { state: "in_force", view: opened };
  const match = views.find(same);
  if (match) return { state: "in_force", view: match };
  return opened ? { state: "changed", view: opened } : { state: "none" };
}
