"use server";

import { overDatabase } from "@/lib/db/over-database";
import { completeSetup, setupInput } from "@/lib/setup/complete-setup";
import { setupTokenMatches } from "@/lib/setup/setup-token";

export type SetupState =
  | { status: "idle" }
  | {
      status: "error";
      message?: string;
      fields: Record<string, string>;
      /** What was sent (no password), so the form shows it again (React resets a submitted form). */
      values?: Record<string, string>;
    }
  | { status: "done"; email: string; slug: string };

const FIELDS = ["ownerName", "email", "password", "name", "slug", "timezone", "currency"];

/** The first owner and program; refused without the setup token, or once setup is done. */
export const setupAction = overDatabase(
  (database) =>
    async (token: string, _prev: SetupState, form: FormData): Promise<SetupState> => {
      if (!setupTokenMatches(token)) {
        return {
          status: "error",
          message: "This setup link is not valid. Open the link printed in the server's log.",
          fields: {},
        };
      }
      const raw = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
      const parsed = setupInput.safeParse(raw);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
        const values = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "password"));
        return { status: "error", message: "Check the fields marked below.", fields, values };
      }
      const { prisma } = await database();
      const done = await completeSetup(prisma, parsed.data);
      if (!done.ok) return { status: "error", message: done.message, fields: {} };
      return { status: "done", email: parsed.data.account.email, slug: done.program.slug };
    },
);
