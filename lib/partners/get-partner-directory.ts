import "server-only";
import {
  PARTNER_STAT_SORTS,
  partnerSortValue,
  type PartnerStats,
  type PartnerStatSort,
} from "../stats/engine";
import type { TabScope } from "../stats/scope";
import type { OpenDatabase } from "../db/open";
import type { DirectoryCursor, DirectoryState } from "./directory-params";
import { countPartners, partnerIdsByAttribute, type AttributeSort } from "../stats/partner-records";
import { loadPartnerAttributes, type PartnerAttributes } from "./partner-list";

export type DirectoryRow = PartnerAttributes & Omit<PartnerStats, "id">;

export interface DirectoryPage {
  rows: DirectoryRow[];
  /** Partnerships matching the filters, on every page. */
  total: number;
  /** Where the next page starts, when there are more rows. */
  next: DirectoryCursor | null;
}

export const DIRECTORY_PAGE_SIZE = 50;

const isStatSort = (sort: DirectoryState["sort"]): sort is PartnerStatSort =>
  (PARTNER_STAT_SORTS as readonly string[]).includes(sort);

const NO_STATS = { actions: 0, rewardCents: 0, lastActionAt: null };

/**
 * The partnerships of a directory URL in screen order (`limit: null` = all, for the CSV), with
 * their attributes from the system of record and their numbers from the tab's engine. Ordered by
 * a number, the engine ranks them; by an attribute, PostgreSQL orders them and the engine counts
 * only the page's partnerships.
 */
export async function listDirectory(
  db: OpenDatabase,
  scope: TabScope,
  d: DirectoryState,
  limit: number | null,
): Promise<DirectoryRow[]> {
  let ordered: PartnerStats[];
  if (isStatSort(d.sort)) {
    const sort = d.sort;
    let after = null;
    if (d.after !== null && d.after.value !== null) {
      after = { id: d.after.id, value: d.after.value };
    } else if (d.after !== null) {
      // A cursor without its value (a hand-written link): the row's value now.
      const [cursor] = await scope.engine.partnerStats(scope, [d.after.id]);
      after = { id: d.after.id, value: partnerSortValue({ ...NO_STATS, ...cursor }, sort) };
    }
    ordered = await scope.engine.rankPartners(scope, {
      sort,
      dir: d.dir,
      after,
      limit,
    });
  } else {
    const ids = await partnerIdsByAttribute(
      db,
      scope,
      { ...d, sort: d.sort as AttributeSort },
      limit,
    );
    const stats = await scope.engine.partnerStats(scope, limit === null ? null : ids);
    const byId = new Map(stats.map((s) => [s.id, s]));
    ordered = ids.map((id) => byId.get(id) ?? { id, ...NO_STATS });
  }
  const attributes = await loadPartnerAttributes(
    db,
    scope.programId,
    ordered.map((s) => s.id),
  );
  return ordered.flatMap((s) => {
    const a = attributes.get(s.id);
    // A partnership deleted between the two reads is left out rather than shown half-known.
    return a
      ? [{ ...a, actions: s.actions, rewardCents: s.rewardCents, lastActionAt: s.lastActionAt }]
      : [];
  });
}

/** One page of the directory and the number of matching partnerships. */
export async function getDirectoryPage(
  db: OpenDatabase,
  scope: TabScope,
  d: DirectoryState,
  pageSize = DIRECTORY_PAGE_SIZE,
): Promise<DirectoryPage> {
  const [rows, total] = await Promise.all([
    listDirectory(db, scope, d, pageSize + 1),
    countPartners(db, scope),
  ]);
  const more = rows.length > pageSize;
  const shown = more ? rows.slice(0, pageSize) : rows;
  const last = shown[shown.length - 1];
  const next = more
    ? { id: last.id, value: isStatSort(d.sort) ? partnerSortValue(last, d.sort) : null }
    : null;
  return { rows: shown, total, next };
}
