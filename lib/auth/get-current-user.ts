import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDatabase } from "../db/client";
import { getAuthOptions } from "./auth-options";
import { liveSessionUser } from "./live-session-user";

/**
 * The signed-in user's id, email and name (read now, not from the cookie), or null when signed out. A session cookie alone is not enough:
 * its session must still be on in the database (sign-out, a password change, leaving a program or
 * a new role end it), so a cookie copied before sign-out stops working. Once per request.
 */
export const getCurrentUser = cache(
  async (): Promise<{ id: number; email: string; name: string } | null> => {
    const session = await getServerSession(getAuthOptions());
    const id = Number(session?.user?.id);
    if (!session?.user || !Number.isInteger(id) || typeof session.sid !== "string") return null;
    return liveSessionUser((await getDatabase()).prisma, session.sid, id);
  },
);
