// Types of compress-responses.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
import type { CompressionOptions } from "compression";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The settings: gzip level 1, brotli quality 1. */
export const COMPRESSION_OPTIONS: CompressionOptions;

/** Compresses this response as the client allows (call before the response is written). */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void;
