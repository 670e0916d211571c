// The signed URLs a delivery hands out: its file (webhooks; short-lived) and the unsubscribe page
// of one recipient of one schedule or alert (emails).
import { z } from "zod";
import { readToken, signToken } from "../security/signed-token";

const FILE = "delivery-file";
const UNSUBSCRIBE = "unsubscribe";

const fileToken = z.object({ p: z.number().int(), d: z.number().int(), e: z.number().int() });
// A schedule's link names it by `s`, an alert's by `a` (links mailed before alerts keep working).
const unsubscribeToken = z.union([
  z.object({ p: z.number().int(), s: z.number().int(), r: z.string() }),
  z.object({ p: z.number().int(), a: z.number().int(), r: z.string() }),
]);

/** What an address receives and may stop: one schedule's deliveries or one alert's messages. */
export type Subscription = { kind: "schedule" | "alert"; programId: number; id: number };

export function fileLink(
  baseUrl: string,
  secret: string,
  delivery: { programId: number; id: number },
  expiresAt: number,
): string {
  const token = signToken(FILE, { p: delivery.programId, d: delivery.id, e: expiresAt }, secret);
  return new URL(`/deliveries/${token}`, baseUrl).toString();
}

/** The delivery a file link names and when it expires, or null for a token not signed here. */
export function readFileLink(token: string, secret: string) {
  const t = readToken(FILE, token, secret, fileToken);
  return t && { programId: t.p, deliveryId: t.d, expiresAt: t.e };
}

export function unsubscribeLink(
  baseUrl: string,
  secret: string,
  of: Subscription,
  recipient: string,
): string {
  const payload =
    of.kind === "alert"
      ? { p: of.programId, a: of.id, r: recipient }
      : { p: of.programId, s: of.id, r: recipient };
  return new URL(`/unsubscribe/${signToken(UNSUBSCRIBE, payload, secret)}`, baseUrl).toString();
}

export function readUnsubscribeLink(
  token: string,
  secret: string,
): { of: Subscription; recipient: string } | null {
  const t = readToken(UNSUBSCRIBE, token, secret, unsubscribeToken);
  if (!t) return null;
  const of: Subscription =
    "a" in t
      ? { kind: "alert", programId: t.p, id: t.a }
      : { kind: "schedule", programId: t.p, id: t.s };
  return { of, recipient: t.r };
}
