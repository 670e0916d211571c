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
