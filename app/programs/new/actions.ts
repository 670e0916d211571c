"use server";

import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/auth-options";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { overDatabase } from "@/lib/db/over-database";
import { invalidFields, refused, type FormResult } from "@/lib/forms/form-result";
import { createProgram } from "@/lib/programs/create-program";
import { ownsAProgram } from "@/lib/programs/owns-a-program";
import { programFormValues } from "@/lib/programs/program-form";
import { programInput } from "@/lib/programs/program-input";

/** Refused, or never answered: a new program opens its Actions tab. */
export type NewProgramState = FormResult;

const CHECK_FIELDS = "Check the fields marked below.";
const OWNERS_ONLY =
  "Only owners of a program can create further programs. Ask an owner of your team’s program.";

/**
 * A further program, owned by its creator (who must own a program already), who then lands on
 * its Actions tab. Not a `programAction`: no program is named yet.
 */
export const createProgramAction = overDatabase(
  (database) =>
    async (_prev: NewProgramState, form: FormData): Promise<NewProgramState> => {
      const user = await getCurrentUser();
      if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent("/programs/new")}`);
      const { prisma } = await database();
      if (!(await ownsAProgram(prisma, user.id))) return refused(OWNERS_ONLY);
      const parsed = programInput.safeParse(programFormValues(form));
      if (!parsed.success) return invalidFields(parsed.error, CHECK_FIELDS);
      const made = await createProgram(prisma, parsed.data, user.id, user);
      if (!made.ok) {
        return made.field === "slug"
          ? refused(CHECK_FIELDS, { fields: { slug: made.message } })
          : refused(made.message);
      }
      redirect(`/p/${made.program.slug}/actions`);
    },
);
