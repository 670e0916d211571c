import "server-only";
import { createHmac } from "node:crypto";
import { request } from "node:https";
import { privateHostOf } from "../security/private-address";
import { publicOnlyLookup } from "../security/public-only-lookup";
import { logger } from "../observability/logger.mjs";

/** No answer for this long between packets, or no whole answer in `DEADLINE_MS`, is a failure. */
const TIMEOUT_MS = 15_000;
const DEADLINE_MS = 30_000;

const publicOnly = publicOnlyLookup();

/**
 * What the schedule's log says when no answer came: one reason for every connection failure
 * (refused, reset, timed out, TLS, DNS), so webhook failures cannot serve as a port scanner of
 * the server's network. The socket's own words go to the server log for operators.
 */
function unreachable(url: string, error: Error & { code?: string }): string {
  logger().warn(`Delivery webhook ${new URL(url).host}: ${error.code ?? ""} ${error.message}`);
  return error.code === "EPRIVATE"
    ? "The webhook could not be reached: its host resolves to a private address."
    : "The webhook could not be reached (could not connect, or no answer in time).";
}

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<body>` keyed with the base64 part of the `whsec_` secret,
 * sent as `v1,<base64>`.
 */
function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/**
 * POSTs a signed JSON body; resolves on a 2xx answer, else rejects with what went wrong. Private
 * addresses are refused unless `allowPrivate` (literal hosts here, resolved names on connect).
 */
export function postWebhook(
  url: string,
  secret: string,
  id: string,
  payload: unknown,
  now: number,
  options: { ca?: string; allowPrivate?: boolean } = {},
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(now / 1000);
  const host = privateHostOf(url);
  if (host && !options.allowPrivate) {
    return Promise.reject(new Error(`The webhook's host ${host} is a private address.`));
  }
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(
      () => req.destroy(new Error(`The webhook did not answer within ${DEADLINE_MS / 1000} s.`)),
      DEADLINE_MS,
    );
    const req = request(
      url,
      {
        method: "POST",
        timeout: TIMEOUT_MS,
        ...(options.ca && { ca: options.ca }),
        ...(!options.allowPrivate && { lookup: publicOnly }),
        headers: {
          "content-type": "application/json",
          "user-agent": "Actionboard-Deliveries",
          "webhook-id": id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signWebhook(secret, id, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => clearTimeout(deadline));
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`The webhook answered ${status}.`));
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`The webhook did not answer within ${TIMEOUT_MS / 1000} s.`)),
    );
    req.on("error", (error) => {
      clearTimeout(deadline);
      reject(new Error(unreachable(url, error)));
    });
    req.end(body);
  });
}
