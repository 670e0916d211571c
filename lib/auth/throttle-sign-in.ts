import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { clearRateLimit, countRateLimit, peekRateLimit } from "../rate-limit/count-rate-limit";
import { rateLimit } from "../rate-limit/rate-limit-config";

const TOO_MANY_SIGN_INS = "TooManyAttempts";

/**
 * The client address: the first X-Forwarded-For entry. `next start` fills the header from the
 * socket only when the request has none, so behind no proxy a client can choose it; the
 * per-account limit holds either way. Behind a proxy, let it overwrite the header.
 */
function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

async function submittedEmail(request: Request): Promise<string> {
  try {
    const form = await request.clone().formData();
    return String(form.get("email") ?? "")
      .trim()
      .toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Failed sign-ins are counted per account and per address; past either limit, sign-in answers
 * 429 with Retry-After without checking the password (the right one included) until the window
 * ends. A success clears its account's count. The first failure of a window is logged.
 */
export async function throttleSignIn(
  prisma: PrismaClient,
  request: Request,
  signIn: () => Promise<Response>,
): Promise<Response> {
  const account = {
    limit: rateLimit("RATE_LIMIT_SIGNIN_ACCOUNT"),
    subject: await submittedEmail(request),
  };
  const address = {
    limit: rateLimit("RATE_LIMIT_SIGNIN_ADDRESS"),
    subject: clientAddress(request),
  };
  const subjects = [account, address].filter((s) => s.subject);
  const states = await Promise.all(subjects.map((s) => peekRateLimit(prisma, s.limit, s.subject)));
  const blocked = states.filter((s) => s.exceeded);
  if (blocked.length > 0) {
    const retryAfter = Math.max(...blocked.map((s) => s.retryAfterSeconds));
    const url = new URL("/signin", request.url);
    url.searchParams.set("error", TOO_MANY_SIGN_INS);
    return Response.json(
      { url: url.toString(), message: `Too many failed sign-ins. Try again in ${retryAfter} s.` },
      { status: 429, headers: { "retry-after": String(retryAfter) } },
    );
  }

  const response = await signIn();
  if (response.status === 401) {
    const counted = await Promise.all(
      subjects.map((s) => countRateLimit(prisma, s.limit, s.subject)),
    );
    counted.forEach((state, i) => {
      if (state.hits === 1) {
        const { limit, subject } = subjects[i];
        console.warn(
          `Failed sign-in for ${subject} (${limit.name}: ${limit.limit} per ${limit.windowSeconds} s); further failures in this window are counted, not logged.`,
        );
      }
    });
  } else if (response.ok && account.subject) {
    await clearRateLimit(prisma, account.limit, account.subject);
  }
  return response;
}
