import "server-only";
import type { NextRequest } from "next/server";
import type { PrismaClient } from "../generated/prisma/client";
import { clientAddress } from "../security/client-address";
import { readSignInAttempt } from "./read-sign-in-attempt";
import { throttleSignIn } from "./throttle-sign-in";

/**
 * A password sign-in (`POST /api/auth/callback/credentials`): the body read once (a refusal names
 * the field), counted against the limits, then handed — as exactly the fields that were counted —
 * to `check` (next-auth's credentials callback in the route).
 */
export async function signInWithLimits(
  prisma: PrismaClient,
  request: Request,
  check: (request: NextRequest) => Promise<Response>,
): Promise<Response> {
  const attempt = await readSignInAttempt(request);
  if (!attempt.ok) {
    const { status, field, message } = attempt;
    return Response.json({ status, field, message }, { status });
  }
  return throttleSignIn(
    prisma,
    { email: attempt.email, address: clientAddress(request.headers), url: request.url },
    () => check(attempt.request),
  );
}
