import "server-only";
import type { TabScope } from "./scope";

/** Actions received after the view was read that match its filters (the "N new actions" hint). */
export function countNewActions(scope: TabScope, since: number): Promise<number> {
  return scope.engine.countNew(scope, since);
}
