/**
 * What applying one of the source's records did. `stale`: the source's event is older than what
 * is stored, and was not applied.
 */
export type StoreOutcome = "created" | "updated" | "unchanged" | "stale";

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

/**
 * What a source's deletion does to a stored row (archived or not, its newest event time): stale
 * when older than the newest applied; else the row is archived (kept as archived since when it
 * was), with `write` the fields to store, or nothing to write when it changes nothing.
 */
export function archiveByEvent(
  current: { archivedAt: Date | null; sourceUpdatedAt: Date | null },
  updatedAt: number | null | undefined,
): {
  outcome: "stale" | "updated" | "unchanged";
  write?: { archivedAt: Date; sourceUpdatedAt: Date | null };
} {
  if (isStale(updatedAt, current.sourceUpdatedAt)) return { outcome: "stale" };
  const sourceUpdatedAt = newestSourceTime(updatedAt, current.sourceUpdatedAt);
  const newer = sourceUpdatedAt?.getTime() !== current.sourceUpdatedAt?.getTime();
  if (current.archivedAt && !newer) return { outcome: "unchanged" };
  return {
    outcome: current.archivedAt ? "unchanged" : "updated",
    write: { archivedAt: current.archivedAt ?? new Date(), sourceUpdatedAt },
  };
}
