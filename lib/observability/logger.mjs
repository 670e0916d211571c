// The server's log: one JSON object per line on standard output (pino), or with LOG_FORMAT=pretty
// one readable line each, for a terminal. One logger per process, kept on globalThis: Next
// bundles route handlers, pages and instrumentation into separate module graphs, and
// scripts/start-server.mjs (plain Node) writes the request lines through the same one.
// Nothing secret reaches the output: known fields are redacted by name, and every line is
// scrubbed of secret settings' values, API secret keys, credentials and URL passwords.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import pinoPretty from "pino-pretty";
import { config } from "../config/config.mjs";
import { REDACTED, scrubSecrets } from "./scrub-secrets.mjs";

/** Fields removed wherever they appear (one level deep, or under `headers`). */
export const REDACTED_FIELDS = [
  "password",
  "secret",
  "token",
  "authorization",
  "cookie",
  "*.password",
  "*.secret",
  "*.token",
  "*.authorization",
  "*.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  '*.headers["x-webhook-secret"]',
];

/**
 * What an error carries of the library that threw it rather than of the failure, left out of its
 * line: a pg error's `client` (the connection, with the server's cancel key), an HTTP client's
 * `config`, `request` and `response` (with their headers).
 */
const ERROR_INTERNALS = ["client", "connection", "config", "request", "response", "socket"];

/** An error as its line's `err`: type, message, stack, code and its own fields but the internals. */
function serializeError(/** @type {any} */ error) {
  const serialized = pino.stdSerializers.err(error);
  // Anything but an error comes back as is: not ours to change.
  if (serialized !== error) for (const key of ERROR_INTERNALS) delete serialized[key];
  return serialized;
}

/**
 * A logger writing to `destination` (standard output by default) in `format`.
 * @param {{ destination?: import("pino").DestinationStream, format?: "json" | "pretty", level?: string }} [options]
 */
export function createLogger(options = {}) {
  const settings = config();
  const format = options.format ?? settings.LOG_FORMAT;
  /** @type {import("pino").LoggerOptions} */
  const pinoOptions = {
    level: options.level ?? settings.LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_FIELDS, censor: REDACTED },
    serializers: { err: serializeError },
    hooks: { streamWrite: scrubSecrets },
    // Every line written while a request is answered names it.
    mixin: () => {
      const requestId = requests().getStore()?.requestId;
      return requestId ? { request_id: requestId } : {};
    },
  };
  if (format === "pretty") {
    const pretty = pinoPretty({
      destination: options.destination ?? 1,
      colorize: !options.destination && process.stdout.isTTY,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname",
      sync: true,
    });
    return pino(pinoOptions, pretty);
  }
  return pino(pinoOptions, options.destination);
}

const store =
  /** @type {typeof globalThis & { __actionboardLogger?: import("pino").Logger, __actionboardRequests?: AsyncLocalStorage<{ requestId: string }> }} */ (
    globalThis
  );

/** The request being answered, per async context (one store per process, shared by the bundles). */
function requests() {
  store.__actionboardRequests ??= new AsyncLocalStorage();
  return store.__actionboardRequests;
}

/**
 * Runs `answer` as the request `requestId`: every log line written meanwhile carries its id.
 * @template T
 * @param {string} requestId
 * @param {() => T} answer
 */
export function withinRequest(requestId, answer) {
  return requests().run({ requestId }, answer);
}

/**
 * Runs `work` outside any request: background work a request started (a woken worker, the
 * analytics copy opened at a first visit) must not carry that request's id in later lines.
 * @template T
 * @param {() => T} work
 */
export function outsideRequest(work) {
  return requests().exit(work);
}

/** This process's logger. */
export function logger() {
  store.__actionboardLogger ??= createLogger();
  return store.__actionboardLogger;
}

/**
 * Makes `replacement` this process's logger (tests capture the output); returns the undo.
 * @param {import("pino").Logger} replacement
 */
export function replaceLogger(replacement) {
  const before = store.__actionboardLogger;
  store.__actionboardLogger = replacement;
  return () => {
    store.__actionboardLogger = before;
  };
}

/** An error's message, for a log line's `msg` (the whole error goes in `err`). */
export function messageOf(/** @type {unknown} */ error) {
  return error instanceof Error ? error.message : String(error);
}
