// Stopping a server process at a safe point (SIGTERM, scripts/start-server.mjs). Background work
// (the outbox drainer, the delivery scheduler, the PartnerStack worker) registers how to stop:
// each finishes the unit it is in (a batch, a delivery, a page), releases its lease and resolves.
// Resources (the analytics copy, the database) close after all work has stopped. One registry
// per process, kept on globalThis: the workers live in Next's bundles, the signal handler in
// plain Node. Plain JavaScript so start-server.mjs can call it.

/**
 * @typedef {{ stopping: boolean, work: Map<string, () => Promise<void>>, resources: Map<string, () => Promise<void>> }} ShutdownState
 */
const store = /** @type {typeof globalThis & { __actionboardShutdown?: ShutdownState }} */ (
  globalThis
);

function state() {
  store.__actionboardShutdown ??= { stopping: false, work: new Map(), resources: new Map() };
  return store.__actionboardShutdown;
}

/** True once the process has begun to stop: readiness fails, no new background work starts. */
export function isShuttingDown() {
  return state().stopping;
}

/**
 * Registers how to stop `name` at a safe point (`kind` "work"), or to close it once all work has
 * stopped (`kind` "resource"). Returns the unregistration (work that ended by itself).
 * @param {string} name
 * @param {() => Promise<void>} stop
 * @param {"work" | "resource"} [kind]
 */
export function onShutdown(name, stop, kind = "work") {
  const map = kind === "work" ? state().work : state().resources;
  map.set(name, stop);
  return () => {
    if (map.get(name) === stop) map.delete(name);
  };
}

/** Marks the process as stopping (readiness answers 503 from now on). */
export function beginShutdown() {
  state().stopping = true;
}

/**
 * Stops every registered piece of background work at once, each at its safe point; resolves with
 * their names when all have stopped. Failures are reported, not thrown: stopping goes on.
 * @param {(name: string, error: unknown) => void} [report]
 */
export async function stopBackgroundWork(report = () => {}) {
  beginShutdown();
  const work = [...state().work];
  state().work.clear();
  await Promise.all(
    work.map(([name, stop]) => stop().catch((/** @type {unknown} */ error) => report(name, error))),
  );
  return work.map(([name]) => name);
}

/**
 * Closes the registered resources, the last registered first (the analytics copy before the
 * database it reads). Call after stopBackgroundWork and after the last request was answered.
 * @param {(name: string, error: unknown) => void} [report]
 */
export async function closeResources(report = () => {}) {
  const resources = [...state().resources].reverse();
  state().resources.clear();
  for (const [name, close] of resources) {
    await close().catch((/** @type {unknown} */ error) => report(name, error));
  }
  return resources.map(([name]) => name);
}

/** For tests sharing a process: the process is running again, with nothing registered. */
export function undoShutdown() {
  store.__actionboardShutdown = undefined;
}
