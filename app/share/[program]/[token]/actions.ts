"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { overDatabase } from "@/lib/db/over-database";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { clientAddress } from "@/lib/security/client-address";
import {
  checkSharePassword,
  findShareLink,
  shareAccessValue,
  shareCookieName,
} from "@/lib/share-links/open-share-link";
import { shareLinkPath } from "@/lib/share-links/share-link-path";

export type SharePasswordState = FormResult<{ status: "open" }>;

const input = z.object({
  programId: z.coerce.number().int().positive(),
  token: z.string().max(100),
  password: z.string().max(1000),
});

/** A visitor's password for a share link: right, the browser keeps a cookie for this link. */
export const unlockShareLinkAction = overDatabase(
  (database) =>
    async (_prev: SharePasswordState, form: FormData): Promise<SharePasswordState> => {
      const parsed = input.safeParse({
        programId: form.get("programId"),
        token: form.get("token"),
        password: form.get("password") ?? "",
      });
      if (!parsed.success) return refused("This link does not open.", { field: "password" });
      const { programId, token, password } = parsed.data;
      const { prisma } = await database();
      const link = await findShareLink(prisma, programId, token);
      if (!link) return refused("This link does not open.", { field: "password" });
      const check = await checkSharePassword(
        prisma,
        link,
        password,
        clientAddress(await headers()),
      );
      if (check.status === "limited") {
        const minutes = Math.ceil(check.retryAfterSeconds / 60);
        return refused(
          `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          { field: "password" },
        );
      }
      if (check.status === "wrong") return refused("Wrong password.", { field: "password" });
      (await cookies()).set(shareCookieName(link), shareAccessValue(link, getAuthSecret()), {
        httpOnly: true,
        sameSite: "lax",
        secure: (await headers()).get("x-forwarded-proto") === "https",
        path: shareLinkPath(programId, token),
        maxAge: 30 * 24 * 3600,
      });
      return { status: "open" };
    },
);
