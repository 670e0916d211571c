import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Why a request for /metrics on the app's port is refused, or null to serve it: with
 * METRICS_TOKEN set it must carry `Authorization: Bearer <token>` (401 otherwise); without it
 * the app's port serves no metrics (404; METRICS_PORT serves them on 127.0.0.1 instead).
 */
export function metricsRefusal(
  authorization: string | null,
  token: string | undefined,
): { status: 401 | 404; message: string } | null {
  if (!token) {
    return {
      status: 404,
      message:
        "Metrics are not served here: set METRICS_TOKEN (then send it as a Bearer token), or METRICS_PORT for a port on 127.0.0.1.",
    };
  }
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (sent && timingSafeEqual(digest(sent), digest(token))) return null;
  return {
    status: 401,
    message: sent
      ? "The Authorization header's token is not METRICS_TOKEN."
      : "Send METRICS_TOKEN as `Authorization: Bearer <token>`.",
  };
}
