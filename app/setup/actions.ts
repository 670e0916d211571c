"use server";

import { overDatabase } from "@/lib/db/over-database";
import { invalidFields, refused, type FormResult } from "@/lib/forms/form-result";
import { completeSetup, setupInput } from "@/lib/setup/complete-setup";
import { setupTokenMatches } from "@/lib/setup/setup-token";

export type SetupState = FormResult<{ status: "done"; email: string; slug: string }>;

const FIELDS = ["ownerName", "email", "password", "name", "slug", "timezone", "currency"];

/** The first owner and program; refused without the setup token, or once setup is done. */
export const setupAction = overDatabase(
  (database) =>
    async (token: string, _prev: SetupState, form: FormData): Promise<SetupState> => {
      if (!setupTokenMatches(token)) {
        return refused("This setup link is not valid. Open the link printed in the server's log.");
      }
      const raw = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
      const parsed = setupInput.safeParse(raw);
      if (!parsed.success) return invalidFields(parsed.error, "Check the fields marked below.");
      const { prisma } = await database();
      const done = await completeSetup(prisma, parsed.data);
      if (!done.ok) return refused(done.message);
      return { status: "done", email: parsed.data.account.email, slug: done.program.slug };
    },
);
