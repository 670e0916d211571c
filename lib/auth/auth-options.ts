import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "../db/client";
import { getAuthSecret } from "../security/auth-secret";
import { decideOidcSignIn } from "./decide-oidc-sign-in";
import { endUserSession } from "./end-user-session";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";
import { config } from "../config/config.mjs";
import { startUserSession } from "./start-user-session";
import { verifyCredentials } from "./verify-credentials";

export const SIGN_IN_PATH = "/signin";
/** How long a session lasts from sign-in. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

let options: NextAuthOptions | undefined;

/**
 * The account each single sign-on was decided to be, by the user object next-auth hands from the
 * `signIn` callback to `jwt` (the same object without an adapter): the provider's `sub` is never
 * taken for an account id, and a sign-on with no decision fails closed.
 */
const decidedAccounts = new WeakMap<User, number>();

/** Built on first use, so `next build` never needs the secret. */
export function getAuthOptions(): NextAuthOptions {
  const { oidc, passwordSignIn } = config().signIn;
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    // Refusals and failed single sign-ons come back to the sign-in page, which says why.
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      ...(oidc ? [oidcProvider(oidc)] : []),
      ...(passwordSignIn
        ? [
            CredentialsProvider({
              name: "Email and password",
              credentials: { email: { type: "email" }, password: { type: "password" } },
              // The sign-in request's edge: next-auth calls this once per attempt.
              authorize: async (credentials) =>
                verifyCredentials((await getDatabase()).prisma, credentials),
            }),
          ]
        : []),
    ],
    callbacks: {
      // A single sign-on signs in as the account the decision names, or back to the sign-in page
      // with the reason; a password sign-in was decided by `authorize`.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !oidc) return account?.type === "credentials";
        const { prisma } = await getDatabase();
        const decision = await decideOidcSignIn(prisma, profile, oidc.allowedDomains);
        if (!decision.ok) return `${SIGN_IN_PATH}?error=${decision.reason}`;
        decidedAccounts.set(user, decision.user.id);
        Object.assign(user, { ...decision.user, id: String(decision.user.id) });
        return true;
      },
      // At sign-in: a session row, named in the cookie, that sign-out and the database can end.
      async jwt({ token, user, account }) {
        if (user) {
          const id =
            account?.provider === OIDC_PROVIDER_ID ? decidedAccounts.get(user) : Number(user.id);
          if (!Number.isInteger(id)) throw new Error("signed in without a decided account");
          token.uid = String(id);
          const { prisma } = await getDatabase();
          token.sid = await startUserSession(prisma, Number(id), SESSION_SECONDS);
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        if (typeof token.sid === "string") session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string")
          await endUserSession((await getDatabase()).prisma, token.sid);
      },
    },
  };
  return options;
}
