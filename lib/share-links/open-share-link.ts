import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { takeRateLimits, refundRateLimit } from "../rate-limit/count-rate-limit";
import { rateLimit } from "../rate-limit/rate-limit-config";
import { verifyPassword } from "../security/password";
import { shareLinkState } from "./list-share-links";
import { SHARE_TOKEN_FORM } from "./share-link-path";
import { formRowId } from "../forms/form-row-id";

export interface OpenShareLink {
  id: number;
  programId: number;
  passwordHash: string | null;
  embedOrigins: string[];
  view: { id: number; name: string; query: string };
  program: { id: number; name: string; slug: string; timezone: string; currency: string };
}

/**
 * The link a URL names, while it opens (not revoked, not expired, its program there); null
 * otherwise — the page answers 404 alike, so a visitor learns nothing of links that were.
 */
export async function findShareLink(
  prisma: PrismaClient,
  programId: number,
  token: string,
  now = new Date(),
): Promise<OpenShareLink | null> {
  if (!formRowId.safeParse(programId).success || !SHARE_TOKEN_FORM.test(token)) {
    return null;
  }
  const link = await prisma.shareLink.findUnique({
    where: { programId_token: { programId, token } },
    include: {
      savedView: { select: { id: true, name: true, query: true } },
      program: {
        select: { id: true, name: true, slug: true, timezone: true, currency: true },
      },
    },
  });
  if (!link || shareLinkState(link, now) !== "active") return null;
  return {
    id: link.id,
    programId,
    passwordHash: link.passwordHash,
    embedOrigins: link.embedOrigins,
    view: link.savedView,
    program: link.program,
  };
}

/** The cookie a browser keeps once it gave the link's password (one per link). */
export const shareCookieName = (link: { programId: number; id: number }) =>
  `ab_share_${link.programId}_${link.id}`;

/** The cookie's value: bound to the link and its password, so a changed password asks again. */
export function shareAccessValue(link: OpenShareLink, secret: string): string {
  return createHmac("sha256", secret)
    .update(`share-access.${link.programId}.${link.id}.${link.passwordHash ?? ""}`)
    .digest("base64url");
}

/** Whether this visitor may see the link's view: no password, or the cookie it was given. */
export function mayOpen(link: OpenShareLink, cookie: string | undefined, secret: string): boolean {
  if (link.passwordHash === null) return true;
  if (!cookie) return false;
  const expected = Buffer.from(shareAccessValue(link, secret));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type PasswordCheck =
  { status: "open" } | { status: "wrong" } | { status: "limited"; retryAfterSeconds: number };

/**
 * A visitor's password for a link: every try counts against the link and the client address
 * (RATE_LIMIT_SHARE_PASSWORD); past the limit even the right one waits, and a right one is not
 * counted.
 */
export async function checkSharePassword(
  prisma: PrismaClient,
  link: OpenShareLink,
  password: string,
  clientAddress: string,
): Promise<PasswordCheck> {
  if (link.passwordHash === null) return { status: "open" };
  const limit = rateLimit("RATE_LIMIT_SHARE_PASSWORD");
  const subject = `${link.programId}:${link.id}:${clientAddress}`;
  const [state] = await takeRateLimits(prisma, [{ limit, subject }]);
  if (state.exceeded) return { status: "limited", retryAfterSeconds: state.retryAfterSeconds };
  if (!(await verifyPassword(password, link.passwordHash))) return { status: "wrong" };
  await refundRateLimit(prisma, limit, subject);
  return { status: "open" };
}
