// Types of direct-routes.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
import type { IncomingMessage, ServerResponse } from "node:http";

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, never>> },
) => Promise<Response>;

/** Registers handlers by "METHOD /exact/path" (instrumentation.ts, at the server's start). */
export function setDirectRoutes(routes: Record<string, RouteHandler>): void;

/** The handler registered for this request's method and exact path (query ignored), if any. */
export function directRoute(
  method: string | undefined,
  url: string | undefined,
): RouteHandler | null;

/** Answers `req` with `handler` (a standard Request in, its Response written back). */
export function serveDirect(
  handler: RouteHandler,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  onError: (error: unknown) => void,
): Promise<void>;
