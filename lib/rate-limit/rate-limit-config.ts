import { config, type Config, type Env, type RateLimitSetting } from "../config/config.mjs";

/** At most `limit` events per window of `windowSeconds`, counted from the window's first event. */
export interface RateLimit extends RateLimitSetting {
  name: string;
}

// Failed sign-ins count, per account and per address; API requests count per key, and wrong
// secrets per public key (those are refused unchecked while the window lasts); "Forgot password?"
// requests per address asked for and per client address.
type RateLimitName = Extract<keyof Config, `RATE_LIMIT_${string}`>;

/** A limit as configured (e.g. `RATE_LIMIT_API_KEY=6000/1m`); `env`: another environment (tests). */
export function rateLimit(name: RateLimitName, env?: Env): RateLimit {
  return { name, ...config(env)[name] };
}
