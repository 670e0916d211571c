// GET|POST /api/auth/* — next-auth sign-in, sign-out, session and CSRF endpoints
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { cleanAuthRequest } from "@/lib/auth/clean-auth-request";
import { config } from "@/lib/config/config.mjs";
import { signInWithLimits } from "@/lib/auth/sign-in-with-limits";
import { getDatabase } from "@/lib/db/client";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(sent: Request, context: Context) {
  const params = await context.params;
  const [action, provider] = params.nextauth ?? [];
  const request = await cleanAuthRequest(sent, action, provider);
  if (request instanceof Response) return request;
  if (provider === "credentials" && !config().signIn.passwordSignIn) {
    const message = "password sign-in is off on this server: use single sign-on";
    return Response.json({ status: 403, message }, { status: 403 });
  }
  const run = (req: Request) => NextAuth(req as never, { params } as never, getAuthOptions());
  if (request.method === "POST" && action === "callback" && provider === "credentials") {
    return signInWithLimits((await getDatabase()).prisma, request, run);
  }
  return run(request);
}

export { handler as GET, handler as POST };
