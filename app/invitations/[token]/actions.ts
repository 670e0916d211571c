"use server";

import { getCurrentUser } from "@/lib/auth/get-current-user";
import { overDatabase } from "@/lib/db/over-database";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export type AcceptState =
  | { status: "idle" }
  | { status: "error"; field?: "name" | "password" | "token"; message: string; name?: string }
  | { status: "joined"; slug: string; email: string; signedIn: boolean };

/**
 * Takes an invitation: as the signed-in account (which must be the invited address), or as a new
 * person with name and password (then the page signs them in).
 */
export const acceptInvitationAction = overDatabase(
  (database) =>
    async (token: string, _prev: AcceptState, form: FormData): Promise<AcceptState> => {
      const { prisma } = await database();
      const user = await getCurrentUser();
      const result = await acceptInvitation(
        prisma,
        token,
        user
          ? { kind: "user", user }
          : { kind: "new", name: form.get("name"), password: form.get("password") },
      );
      if (!result.ok) {
        const name = String(form.get("name") ?? "");
        return { status: "error", field: result.field, message: result.message, name };
      }
      return { status: "joined", slug: result.slug, email: result.email, signedIn: user !== null };
    },
);
