"use server";

import { z } from "zod";
import { changePassword } from "@/lib/accounts/change-password";
import { endAllSessions } from "@/lib/accounts/end-all-sessions";
import { profileInput, updateProfile } from "@/lib/accounts/update-profile";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { overDatabase } from "@/lib/db/over-database";
import { invalidInput, refused, type FormResult } from "@/lib/forms/form-result";

/** `email` on a new password: the page signs this browser in again with it. */
export type AccountState = FormResult<{ status: "saved"; message: string; email?: string }>;

const SIGNED_OUT = refused("You are signed out. Sign in again.");

export const updateProfileAction = overDatabase(
  (database) =>
    async (_prev: AccountState, form: FormData): Promise<AccountState> => {
      const user = await getCurrentUser();
      if (!user) return SIGNED_OUT;
      const parsed = profileInput.safeParse({
        name: form.get("name") ?? undefined,
        email: form.get("email") ?? undefined,
        currentPassword: form.get("currentPassword") ?? "",
      });
      if (!parsed.success) return invalidInput(parsed.error);
      const { prisma } = await database();
      const done = await updateProfile(prisma, user.id, parsed.data);
      return done.ok
        ? { status: "saved", message: done.message }
        : refused(done.message, { field: done.field });
    },
);

const passwordForm = z.object({
  currentPassword: z.string().max(1024),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
});

export const changePasswordAction = overDatabase(
  (database) =>
    async (_prev: AccountState, form: FormData): Promise<AccountState> => {
      const user = await getCurrentUser();
      if (!user) return SIGNED_OUT;
      const parsed = passwordForm.safeParse({
        currentPassword: form.get("currentPassword") ?? "",
        password: form.get("password") ?? "",
        confirm: form.get("confirm") ?? "",
      });
      if (!parsed.success) return refused("Fill in every password field.");
      if (parsed.data.password !== parsed.data.confirm) {
        return refused("The two new passwords differ.", { field: "confirm" });
      }
      const { prisma } = await database();
      const done = await changePassword(prisma, user.id, parsed.data);
      return done.ok
        ? { status: "saved", message: done.message, email: user.email }
        : refused(done.message, { field: done.field });
    },
);

/** Ends every session of the signed-in account; the page then signs this browser out too. */
export const signOutEverywhereAction = overDatabase(
  (database) => async (): Promise<AccountState> => {
    const user = await getCurrentUser();
    if (!user) return SIGNED_OUT;
    const { prisma } = await database();
    const ended = await endAllSessions(prisma, user.id);
    return { status: "saved", message: `Signed out ${ended} session${ended === 1 ? "" : "s"}.` };
  },
);
