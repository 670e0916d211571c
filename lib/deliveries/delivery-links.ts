// The signed URLs a delivery hands out: its file (webhooks; short-lived) and the unsubscribe page
// of one recipient of one schedule (emails).
import { z } from "zod";
import { readToken, signToken } from "../security/signed-token";

const FILE = "delivery-file";
const UNSUBSCRIBE = "unsubscribe";

const fileToken = z.object({ p: z.number().int(), d: z.number().int(), e: z.number().int() });
const unsubscribeToken = z.object({ p: z.number().int(), s: z.number().int(), r: z.string() });

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
  schedule: { programId: number; id: number },
  recipient: string,
): string {
  const token = signToken(
    UNSUBSCRIBE,
    { p: schedule.programId, s: schedule.id, r: recipient },
    secret,
  );
  return new URL(`/unsubscribe/${token}`, baseUrl).toString();
}

export function readUnsubscribeLink(token: string, secret: string) {
  const t = readToken(UNSUBSCRIBE, token, secret, unsubscribeToken);
  return t && { programId: t.p, scheduleId: t.s, recipient: t.r };
}
