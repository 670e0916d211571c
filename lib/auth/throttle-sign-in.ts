import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { clearRateLimit, refundRateLimit, takeRateLimits } from "../rate-limit/count-rate-limit";
import { rateLimit } from "../rate-limit/rate-limit-config";
import { logger } from "../observability/logger.mjs";

const TOO_MANY_SIGN_INS = "TooManyAttempts";

/** next-auth sets its session cookie on a successful sign-in, and on nothing else. */
const signedIn = (response: Response) =>
  response.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?next-auth\.session-token=/.test(cookie));

/**
 * Every attempt is counted per account and per address, and decided, in one atomic statement
 * before the password is checked: past either limit, sign-in answers 429 with Retry-After without
 * checking it (the right one included) until the window ends. An attempt that signs in is taken
 * back (and clears its account's count), so only failures add up. `email` and `address` come from
 * the one reading of the request the password check also uses (read-sign-in-attempt.ts,
 * lib/security/client-address.ts). The first failure of a window is logged.
 */
export async function throttleSignIn(
  prisma: PrismaClient,
  attempt: { email: string; address: string; url: string },
  signIn: () => Promise<Response>,
): Promise<Response> {
  const account = { limit: rateLimit("RATE_LIMIT_SIGNIN_ACCOUNT"), subject: attempt.email };
  const address = { limit: rateLimit("RATE_LIMIT_SIGNIN_ADDRESS"), subject: attempt.address };
  const subjects = [account, address].filter((s) => s.subject);
  const states = await takeRateLimits(prisma, subjects);
  const blocked = states.filter((s) => s.exceeded);
  if (blocked.length > 0) {
    const retryAfter = Math.max(...blocked.map((s) => s.retryAfterSeconds));
    const url = new URL("/signin", attempt.url);
    url.searchParams.set("error", TOO_MANY_SIGN_INS);
    return Response.json(
      { url: url.toString(), message: `Too many failed sign-ins. Try again in ${retryAfter} s.` },
      { status: 429, headers: { "retry-after": String(retryAfter) } },
    );
  }

  const response = await signIn();
  if (signedIn(response)) {
    if (account.subject) await clearRateLimit(prisma, account.limit, account.subject);
    if (address.subject) await refundRateLimit(prisma, address.limit, address.subject);
    return response;
  }
  states.forEach((state, i) => {
    if (state.hits === 1) {
      const { limit, subject } = subjects[i];
      logger().warn(
        `Failed sign-in for ${subject} (${limit.name}: ${limit.limit} per ${limit.windowSeconds} s); further failures in this window are counted, not logged.`,
      );
    }
  });
  return response;
}
