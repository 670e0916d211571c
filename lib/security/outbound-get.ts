import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { privateHostOf } from "./private-address";
import { publicOnlyLookup } from "./public-only-lookup";

const TIMEOUT_MS = 30_000;
const publicOnly = publicOnlyLookup();

/**
 * A GET to a server someone outside the operators named (a PartnerStack source): unless
 * `allowPrivate`, private hosts are refused as written and as resolved — on the very address
 * connected to, so a name cannot pass a check and then rebind — and redirects are never followed
 * (a public host answering 302 to http://127.0.0.1 must not reach loopback): a 3xx is returned
 * as it is, for the caller to refuse.
 */
export function outboundGet(
  url: URL,
  headers: Record<string, string>,
  options: { allowPrivate: boolean },
): Promise<Response> {
  const host = privateHostOf(url.href);
  if (host && !options.allowPrivate) {
    return Promise.reject(
      Object.assign(new Error(`${host} is a private address`), { code: "EPRIVATE" }),
    );
  }
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        headers,
        timeout: TIMEOUT_MS,
        ...(!options.allowPrivate && { lookup: publicOnly }),
      },
      (res) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === "string") responseHeaders.set(name, value);
          else if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
        }
        const status = res.statusCode ?? 502;
        const noBody = status === 204 || status === 304;
        if (noBody) res.resume();
        resolve(
          new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status: status < 200 || status > 599 ? 502 : status,
            headers: responseHeaders,
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end();
  });
}
