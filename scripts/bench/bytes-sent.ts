import { get } from "node:http";

/**
 * GETs a URL to its last byte and counts the bytes as sent, not decoded: a benchmark measures the
 * server's work, compression included; the decoding is the client's, on its own machine (Node's
 * fetch decoded big bodies at 5–48 MB/s on the measured machine, BENCHMARKS.md "Downloads over
 * HTTP"). An answer of 400 or more is an error naming the URL.
 */
export function bytesSent(
  url: URL,
  headers: Record<string, string>,
): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      if ((res.statusCode ?? 500) >= 400) {
        res.resume();
        return reject(new Error(`${url.pathname}${url.search} answered ${res.statusCode}`));
      }
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "none") }),
      );
      res.on("error", reject);
    }).on("error", reject);
  });
}
