import type { ServerResponse } from "node:http";

/**
 * Counts a test server's responses as they close, so a test waits for what happens at a
 * response's close (its log line, its metrics) instead of sleeping: a client may read the whole
 * response before the server's side has closed it.
 */
export function closedResponses() {
  let closed = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Call after the listeners to wait for are attached: this one runs after them. */
    track(res: ServerResponse) {
      res.once("close", () => {
        closed++;
        for (const resolve of waiting.splice(0)) resolve();
      });
    },
    get count() {
      return closed;
    },
    /** Resolves once `n` responses have closed in all. */
    async until(n: number) {
      while (closed < n) await new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}
