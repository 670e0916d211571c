import "server-only";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "./auth-options";

/** The signed-in user's id and name, or null when signed out. */
export async function getCurrentUser(): Promise<{
  id: number;
  email: string;
  name: string;
} | null> {
  const session = await getServerSession(getAuthOptions());
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id)) return null;
  return { id, email: session.user.email, name: session.user.name };
}
