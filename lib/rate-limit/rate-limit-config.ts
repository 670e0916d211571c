import { z } from "zod";

/** At most `limit` events per window of `windowSeconds`, counted from the window's first event. */
export interface RateLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

// Failed sign-ins count, per account and per address; API requests count per key, and wrong
// secrets per public key (those are refused unchecked while the window lasts).
const DEFAULTS = {
  RATE_LIMIT_SIGNIN_ACCOUNT: "10/15m",
  RATE_LIMIT_SIGNIN_ADDRESS: "50/15m",
  RATE_LIMIT_API_KEY: "6000/1m",
  RATE_LIMIT_API_WRONG_SECRET: "20/5m",
  // "Forgot password?" requests, per address asked for and per client address.
  RATE_LIMIT_RESET_ACCOUNT: "3/1h",
  RATE_LIMIT_RESET_ADDRESS: "20/1h",
} as const;

type RateLimitName = keyof typeof DEFAULTS;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

const spec = z
  .string()
  .trim()
  .regex(/^\d{1,9}\/\d{1,6}[smh]$/, 'must look like "10/15m" (count/window in s, m or h)')
  .transform((text) => {
    const [count, window] = text.split("/");
    const unit = window.at(-1) as keyof typeof UNIT_SECONDS;
    return {
      limit: Number(count),
      windowSeconds: Number(window.slice(0, -1)) * UNIT_SECONDS[unit],
    };
  })
  .refine((v) => v.limit >= 1 && v.windowSeconds >= 1, "count and window must be at least 1");

/** Reads a limit from the environment (e.g. `RATE_LIMIT_API_KEY=6000/1m`); a bad value throws. */
export function rateLimit(
  name: RateLimitName,
  env: Record<string, string | undefined> = process.env,
): RateLimit {
  const raw = env[name] || DEFAULTS[name];
  const parsed = spec.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${name}="${raw}" ${parsed.error.issues[0].message}`);
  }
  return { name, ...parsed.data };
}
