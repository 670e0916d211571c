import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "../db/client";
import { getAuthSecret } from "./auth-secret";
import { endUserSession } from "./end-user-session";
import { startUserSession } from "./start-user-session";
import { verifyCredentials } from "./verify-credentials";

export const SIGN_IN_PATH = "/signin";
/** How long a session lasts from sign-in. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

let options: NextAuthOptions | undefined;

/** Built on first use, so `next build` never needs the secret. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    pages: { signIn: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        // The sign-in request's edge: next-auth calls this once per attempt.
        authorize: async (credentials) =>
          verifyCredentials((await getDatabase()).prisma, credentials),
      }),
    ],
    callbacks: {
      // At sign-in: a session row, named in the cookie, that sign-out and the database can end.
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          const { prisma } = await getDatabase();
          token.sid = await startUserSession(prisma, Number(user.id), SESSION_SECONDS);
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
