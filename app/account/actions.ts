"use server";

import { z } from "zod";
import { changePassword } from "@/lib/accounts/change-password";
import { endAllSessions } from "@/lib/accounts/end-all-sessions";
import { profileInput, updateProfile } from "@/lib/accounts/update-profile";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { overDatabase } from "@/lib/db/over-database";

export type AccountState =
  | { status: "idle" }
  | { status: "error"; field?: string; message: string; values?: Record<string, string> }
  | { status: "saved"; message: string; email?: string; values?: Record<string, string> };

const SIGNED_OUT: AccountState = { status: "error", message: "You are signed out. Sign in again." };

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
      // Shown again after the submit (React resets a submitted form to its defaults).
      const values = {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
      };
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { status: "error", field: String(issue.path[0]), message: issue.message, values };
      }
      const { prisma } = await database();
      const done = await updateProfile(prisma, user.id, parsed.data);
      return done.ok
        ? {
            status: "saved",
            message: done.message,
            values: { name: parsed.data.name, email: parsed.data.email },
          }
        : { status: "error", field: done.field, message: done.message, values };
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
      if (!parsed.success) return { status: "error", message: "Fill in every password field." };
      if (parsed.data.password !== parsed.data.confirm) {
        return { status: "error", field: "confirm", message: "The two new passwords differ." };
      }
      const { prisma } = await database();
      const done = await changePassword(prisma, user.id, parsed.data);
      return done.ok
        ? { status: "saved", message: done.message, email: user.email }
        : { status: "error", field: done.field, message: done.message };
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
