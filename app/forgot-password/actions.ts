"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { emailAddress } from "@/lib/validation/fields";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { overDatabase } from "@/lib/db/over-database";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { mailSettingsFromEnv } from "@/lib/mail/mail-settings";
import { clientAddress } from "@/lib/security/client-address";

export type ForgotPasswordState = FormResult<{ status: "sent"; email: string }>;

const input = z.object({ email: z.string().trim().toLowerCase().pipe(emailAddress) });

/** "Forgot password?": the same answer whether or not the address has an account. */
export const forgotPasswordAction = overDatabase(
  (database) =>
    async (_prev: ForgotPasswordState, form: FormData): Promise<ForgotPasswordState> => {
      const parsed = input.safeParse({ email: form.get("email") ?? "" });
      if (!parsed.success) return refused("Enter a valid email address.", { field: "email" });
      const { prisma } = await database();
      const result = await requestPasswordReset(
        prisma,
        { email: parsed.data.email, clientAddress: clientAddress(await headers()) },
        mailSettingsFromEnv(),
      );
      if (result.status === "limited") {
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        return refused(
          `Too many requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          { field: "email" },
        );
      }
      if (result.status === "no_mail") {
        return refused(
          "This server cannot send email (SMTP_URL is not set). Ask the person who runs it for a reset link (npm run admin -- reset-password).",
          { field: "email" },
        );
      }
      return { status: "sent", email: parsed.data.email };
    },
);
