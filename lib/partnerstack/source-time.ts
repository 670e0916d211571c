/**
 * Ordering of a source's events by their `updated_at`: one older than the newest already applied
 * is stale (a replay, or a late delivery) and must not undo newer data. An event without a time
 * cannot be ordered and applies.
 */
export function isStale(incoming: number | null | undefined, stored: Date | null | undefined) {
  return incoming != null && stored != null && incoming < stored.getTime();
}

/** What to keep as the newest applied time after applying an event. */
export function newestSourceTime(
  incoming: number | null | undefined,
  stored: Date | null | undefined,
): Date | null {
  if (incoming == null) return stored ?? null;
  return stored && stored.getTime() > incoming ? stored : new Date(incoming);
}
