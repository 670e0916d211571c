// Types of logger.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
import type { DestinationStream, Logger } from "pino";

export const REDACTED_FIELDS: string[];

export function createLogger(options?: {
  destination?: DestinationStream;
  format?: "json" | "pretty";
  level?: string;
}): Logger;

/** This process's logger (one per process, on globalThis). */
export function logger(): Logger;

/** Makes `replacement` this process's logger; returns the undo. */
export function replaceLogger(replacement: Logger): () => void;

/** An error's message, for a log line's `msg`. */
export function messageOf(error: unknown): string;

/** Runs `answer` as the request `requestId`: every log line written meanwhile carries its id. */
export function withinRequest<T>(requestId: string, answer: () => T): T;

/** Runs `work` outside any request (background work a request started). */
export function outsideRequest<T>(work: () => T): T;
