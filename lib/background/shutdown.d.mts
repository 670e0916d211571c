// Types of shutdown.mjs (plain JavaScript, so scripts/start-server.mjs can use it).

/** True once the process has begun to stop. */
export function isShuttingDown(): boolean;

/** Registers how to stop `name` (work, at a safe point) or close it (a resource); returns the undo. */
export function onShutdown(
  name: string,
  stop: () => Promise<void>,
  kind?: "work" | "resource",
): () => void;

/** Marks the process as stopping. */
export function beginShutdown(): void;

/** Stops all registered work at its safe point; resolves with the names stopped. */
export function stopBackgroundWork(
  report?: (name: string, error: unknown) => void,
): Promise<string[]>;

/** Closes the registered resources, last registered first. */
export function closeResources(report?: (name: string, error: unknown) => void): Promise<string[]>;

/** For tests sharing a process: the process is running again, with nothing registered. */
export function undoShutdown(): void;
