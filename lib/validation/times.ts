import { z } from "zod";

/** 9999-12-31T23:59:59.999Z: the last instant every part of the stack can store. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/** Epoch milliseconds, as the public API (and PartnerStack) sends and receives times. */
export const epochMs = z
  .int()
  .min(0, "must be epoch milliseconds from 1970 on")
  .max(MAX_EPOCH_MS, "must be before the year 10000")
  .meta({ description: "Epoch milliseconds (UTC)" });

/** An input time: epoch ms or ISO 8601 with a zone, between 1970 and 9999. */
export const inputTime = z
  .union([
    epochMs,
    z.iso.datetime({
      offset: true,
      message: "must be ISO 8601 with a time zone, or epoch milliseconds",
    }),
  ])
  .refine((v) => {
    const ms = new Date(v).getTime();
    return Number.isFinite(ms) && ms >= 0 && ms <= MAX_EPOCH_MS;
  }, "must be between 1970 and 9999");
