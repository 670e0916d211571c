import "server-only";
import { z } from "zod";
import { emailAddress, storable } from "../validation/fields";
import type { PrismaClient } from "../generated/prisma/client";
import {
  joinPendingInvitations,
  type JoinedProgram,
} from "../invitations/join-pending-invitations";
import { NO_PASSWORD } from "../security/password";

/** Why single sign-on turned someone away; the sign-in page explains each (sign-in-error-message.ts). */
export type OidcRefusal = "NoEmail" | "EmailNotVerified" | "DomainNotAllowed" | "NoAccount";

export type OidcDecision =
  | {
      ok: true;
      user: { id: number; name: string; email: string };
      /** The account was made at this sign-in (for an invitation or an allowed domain). */
      created: boolean;
      joined: JoinedProgram[];
    }
  | { ok: false; reason: OidcRefusal };

/** A name part as the provider gives it, cut to what an account's name holds; unusable is absent. */
const text = storable(z.string().trim().min(1))
  .transform((value) => value.slice(0, 100))
  .optional()
  .catch(undefined);

/** The claims this decision reads (ID token, completed from userinfo); anything else is ignored. */
const claimsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(emailAddress).optional().catch(undefined),
  email_verified: z.unknown(),
  name: text,
  given_name: text,
  family_name: text,
  preferred_username: text,
});

class Refused extends Error {
  constructor(readonly reason: OidcRefusal) {
    super(reason);
  }
}

/**
 * Who a single sign-on is, decided over the database. The provider must say the email is verified
 * (`email_verified: true`, nothing less). A verified email with an account signs in as that
 * account; with an open invitation it gets an account and joins the invited
 * programs; at one of `allowedDomains` it gets an account with no program. Either way, open
 * invitations to the address are joined at sign-in. Anyone else is refused, with the reason.
 * A new account has no password (NO_PASSWORD) and is made in the transaction that joins, so a
 * refusal leaves nothing behind.
 */
export async function decideOidcSignIn(
  prisma: PrismaClient,
  rawClaims: unknown,
  allowedDomains: readonly string[],
  now: Date = new Date(),
): Promise<OidcDecision> {
  const claims = claimsSchema.safeParse(rawClaims ?? {});
  const email = claims.success ? claims.data.email : undefined;
  if (!claims.success || !email) return { ok: false, reason: "NoEmail" };
  if (claims.data.email_verified !== true) return { ok: false, reason: "EmailNotVerified" };

  const select = { id: true, name: true, email: true } as const;
  const existing = await prisma.user.findUnique({ where: { email }, select });
  if (existing) {
    const joined = await joinPendingInvitations(prisma, existing, now);
    return { ok: true, user: existing, created: false, joined };
  }

  const domain = email.slice(email.lastIndexOf("@") + 1);
  const domainAllowed = allowedDomains.includes(domain);
  const { name, given_name, family_name, preferred_username } = claims.data;
  const fullName = [given_name, family_name].filter(Boolean).join(" ").slice(0, 100);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email,
          name: name ?? (fullName || preferred_username || email.slice(0, email.indexOf("@"))),
          passwordHash: NO_PASSWORD,
        },
        select,
      });
      const joined = await joinPendingInvitations(tx, user, now);
      if (joined.length === 0 && !domainAllowed) {
        throw new Refused(allowedDomains.length > 0 ? "DomainNotAllowed" : "NoAccount");
      }
      return { ok: true as const, user, created: true, joined };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    // The same person's other sign-in made the account a moment ago: sign in as it.
    if ((error as { code?: string }).code === "P2002") {
      return decideOidcSignIn(prisma, rawClaims, allowedDomains, now);
    }
    throw error;
  }
}
