// A background loop inside the server process: a pass every `pollMs`, at once when woken, one
// pass at a time (a wake during a pass runs another right after it). One per process and name,
// found through globalThis: Next bundles instrumentation, pages and server actions into separate
// module graphs, so a server action's wake reaches the loop instrumentation started.

export interface PollLoop {
  wake(): void;
  stop(): void;
}

const loops = globalThis as typeof globalThis & {
  __actionboardLoops?: Map<string, PollLoop>;
};

function registry() {
  loops.__actionboardLoops ??= new Map();
  return loops.__actionboardLoops;
}

/** Starts the loop `name` (or returns the one already running); failures are logged once each. */
export function startPollLoop(
  name: string,
  pollMs: number,
  pass: () => Promise<unknown>,
): PollLoop {
  const running = registry().get(name);
  if (running) return running;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let again = false;
  let stopped = false;
  let lastError: string | null = null;
  const run = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    clearTimeout(timer);
    try {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
      lastError = null;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (text !== lastError) console.warn(`${name}: ${text}`);
      lastError = text;
    } finally {
      busy = false;
      if (!stopped) {
        timer = setTimeout(run, pollMs);
        timer.unref?.();
      }
    }
  };
  void run();
  const loop: PollLoop = {
    wake: () => void run(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      registry().delete(name);
    },
  };
  registry().set(name, loop);
  return loop;
}

/** Asks the loop `name` of this process for a pass now; a no-op where none runs. */
export function wakePollLoop(name: string) {
  registry().get(name)?.wake();
}
