import "server-only";
import { getAnalytics, type Analytics } from "./choose-engine";
import type { OpenDatabase } from "../db/open";

/** What the tab's data functions read: the system of record and the engine that counts. */
export interface TabSources {
  db: OpenDatabase;
  analytics: Analytics;
}

/** At a request edge: the database it obtained and this process's analytics engine over it. */
export async function openTabSources(db: OpenDatabase): Promise<TabSources> {
  return { db, analytics: await getAnalytics(db) };
}

type SourcesOf = (db: OpenDatabase) => Promise<TabSources>;

/**
 * A request edge built over the statistics sources (`programRoute`, `withApiKey`): counted by
 * this process's engine, and `.on(db, sources)` — the same edge over a test's database, counted
 * by that test's engine when given (else the process's).
 */
export function overTabSources<H extends object>(
  over: (sourcesOf: SourcesOf) => H & { on(db: OpenDatabase): H },
): H & { on(db: OpenDatabase, sources?: TabSources): H } {
  const on = (db: OpenDatabase, sources?: TabSources) =>
    over(sources ? async () => sources : openTabSources).on(db);
  const edge: H = over(openTabSources);
  return Object.assign(edge, { on });
}
