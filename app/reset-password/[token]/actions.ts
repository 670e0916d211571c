"use server";

import { redeemPasswordReset } from "@/lib/accounts/redeem-password-reset";
import { overDatabase } from "@/lib/db/over-database";
import { refused, type FormResult } from "@/lib/forms/form-result";

export type ResetPasswordState = FormResult<{ status: "done"; email: string }>;

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
        return refused("The two passwords differ.", { field: "confirm" });
      }
      const { prisma } = await database();
      const result = await redeemPasswordReset(prisma, token, password);
      return result.ok
        ? { status: "done", email: result.email }
        : refused(result.message, { field: result.field });
    },
);
