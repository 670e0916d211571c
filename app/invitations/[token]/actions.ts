"use server";

import { getCurrentUser } from "@/lib/auth/get-current-user";
import { overDatabase } from "@/lib/db/over-database";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export type AcceptState = FormResult<{
  status: "joined";
  slug: string;
  email: string;
  signedIn: boolean;
}>;

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
      if (!result.ok) return refused(result.message, { field: result.field });
      return { status: "joined", slug: result.slug, email: result.email, signedIn: user !== null };
    },
);
