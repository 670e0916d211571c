import "server-only";
import { createHmac } from "node:crypto";
import { request } from "node:https";

const TIMEOUT_MS = 15_000;

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<body>` keyed with the base64 part of the `whsec_` secret,
 * sent as `v1,<base64>`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** POSTs a signed JSON body; resolves on a 2xx answer, else rejects with what went wrong. */
export function postWebhook(
  url: string,
  secret: string,
  id: string,
  payload: unknown,
  now: number,
  ca?: string,
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(now / 1000);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        timeout: TIMEOUT_MS,
        ...(ca && { ca }),
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
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`The webhook answered ${status}.`));
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`The webhook did not answer within ${TIMEOUT_MS / 1000} s.`)),
    );
    req.on("error", (error) =>
      reject(new Error(`The webhook could not be reached: ${error.message}`)),
    );
    req.end(body);
  });
}
