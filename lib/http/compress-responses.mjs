// Response compression for scripts/start-server.mjs, in place of Next's own (next.config.ts has
// `compress: false`). The middleware Next vendors (`compression`, here in the release that also
// speaks brotli) at fast settings instead of gzip's default level: gzip level 1 and brotli
// quality 1 compress CSV three to four times as fast as gzip 6 (1.4 and 1.0 s against 4.0 s for
// 225 MB, `npm run bench:compression`) into files a few per cent larger; gzip 6 was more than half
// of a 225 MB `table.csv` download (BENCHMARKS.md, "Downloads over HTTP"). The middleware's own
// brotli default (quality 4) is slower than gzip 6. Pages, their data and downloads are compressed
// as the client allows (br, else gzip, else deflate); answers marked `Cache-Control: no-transform`
// (the API's) are not. Next flushes the compressor after each streamed chunk (`res.flush`), so
// streamed pages still arrive as they render.
import compression from "compression";
import { Duplex } from "node:stream";
import { constants } from "node:zlib";

/** The settings (also what `npm run bench:compression` measures as "now"). */
export const COMPRESSION_OPTIONS = {
  level: constants.Z_BEST_SPEED,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
};
const compress = compression(COMPRESSION_OPTIONS);
const noop = () => {};

/**
 * A client that disconnects mid-answer leaves the middleware's zlib stream unended, which then
 * outlives the request (Next's router releases it the same way: release-compression-stream.js).
 * The middleware's `res.on("drain")` returns its stream.
 * @param {import("node:http").ServerResponse} res
 */
function releaseCompressionStream(res) {
  const stream = res.on("drain", noop);
  if (stream === res || !(stream instanceof Duplex)) {
    res.off("drain", noop);
    return;
  }
  stream.destroy();
}

/**
 * Compresses this response as the client allows (call before the response is written).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function compressResponse(req, res) {
  compress(/** @type {never} */ (req), /** @type {never} */ (res), noop);
  res.once("close", () => {
    if (!res.writableFinished) releaseCompressionStream(res);
  });
}
