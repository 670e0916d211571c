import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "../db/client";
import { getAuthSecret } from "./auth-secret";
import { verifyCredentials } from "./verify-credentials";

export const SIGN_IN_PATH = "/signin";

let options: NextAuthOptions | undefined;

/** Built on first use, so `next build` never needs the secret. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
      jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
  return options;
}
