// Types of observe-request.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

/** The request id to use: the one sent when sane, else a new UUID. */
export function requestIdOf(sent: string | string[] | undefined): string;

/** Starts observing a request (id, in-flight count; timing and log line when it closes). */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  routeOf: (url: string) => string,
  options?: { log?: Logger },
): string;
