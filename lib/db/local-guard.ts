import type { DatabaseTarget } from "./connection";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Destructive operations (reset, test databases) refuse to touch anything but a local server. */
export function assertLocalDatabase(target: DatabaseTarget): void {
  if (target.engine === "pglite") return;
  const host = new URL(target.url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing a destructive operation on non-local database host "${host}".`);
  }
}
