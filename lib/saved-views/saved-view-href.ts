/** Where a saved view opens: its filters, and its id, so the page knows which view it came from. */
export function savedViewHref(slug: string, view: { id: number; query: string }) {
  return `/p/${slug}/actions?${view.query ? `${view.query}&` : ""}view=${view.id}`;
}
