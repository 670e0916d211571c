"use server";

import { redeemPasswordReset } from "@/lib/accounts/redeem-password-reset";
import { overDatabase } from "@/lib/db/over-database";

export type ResetPasswordState =
  | { status: "idle" }
  | { status: "error"; field: "token" | "password" | "confirm"; message: string }
  | { status: "done"; email: string };

/** Sets the new password with the link's token (spent only when the password is accepted). */
export const resetPasswordAction = overDatabase(
  (database) =>
    async (
      token: string,
      _prev: ResetPasswordState,
      form: FormData,
    ): Promise<ResetPasswordState> => {
      const password = String(form.get("password") ?? "");
      if (password !== String(form.get("confirm") ?? "")) {
        return { status: "error", field: "confirm", message: "The two passwords differ." };
      }
      const { prisma } = await database();
      const result = await redeemPasswordReset(prisma, token, password);
      return result.ok
        ? { status: "done", email: result.email }
        : { status: "error", field: result.field, message: result.message };
    },
);
