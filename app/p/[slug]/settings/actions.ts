"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getAnalyticsCopy } from "@/lib/stats/get-analytics-copy";
import { deleteProgram } from "@/lib/programs/delete-program";
import { invalidFields, refused, type FormResult } from "@/lib/forms/form-result";
import { formFields, programAction } from "@/lib/programs/program-action";
import { programFormValues } from "@/lib/programs/program-form";
import { programInput } from "@/lib/programs/program-input";
import { canEditProgramSettings } from "@/lib/programs/roles";
import { updateProgramSettings } from "@/lib/programs/update-program-settings";

export type SettingsState = FormResult;

/** Refused, or never answered: a deleted program redirects to the start page. */
export type DeleteProgramState = FormResult;

const settingsInput = z.object({
  program: programInput,
  // The zone the person confirmed in the note that says what a new zone does to the numbers.
  confirmTimezone: z.string().nullable(),
});

const ZONE_NOT_CONFIRMED =
  "changes every number of the Actions tab: confirm the new zone in the note before saving";
const CHECK_FIELDS = "Check the fields marked below.";

export const saveProgramSettingsAction = programAction({
  allow: canEditProgramSettings,
  refusal: "Only program owners can change the program’s settings.",
  input: (_prev: SettingsState, form: FormData) => ({
    program: programFormValues(form),
    confirmTimezone: formFields(form, ["confirmTimezone"]).confirmTimezone,
  }),
  schema: settingsInput,
  invalid: (error) => invalidFields(error, CHECK_FIELDS, ["program"]),
  async run({ program, slug, prisma, user }, input): Promise<SettingsState> {
    const next = input.program;
    if (next.timezone !== program.timezone && input.confirmTimezone !== next.timezone) {
      return refused(CHECK_FIELDS, { fields: { timezone: ZONE_NOT_CONFIRMED } });
    }
    const result = await updateProgramSettings(prisma, program.id, user, next);
    if (!result.ok) return refused(CHECK_FIELDS, { fields: { [result.field]: result.message } });
    revalidatePath(`/p/${slug}`, "layout");
    // A new slug: the page lives at a new address (the old one redirects there).
    if (result.slug !== slug) redirect(`/p/${result.slug}/settings?saved=1`);
    return {
      status: "saved",
      message: result.changed.length > 0 ? "Settings saved." : "Nothing changed.",
    };
  },
});

export const deleteProgramAction = programAction({
  allow: canEditProgramSettings,
  refusal: "Only program owners can delete the program.",
  input: (_prev: DeleteProgramState, form: FormData) => formFields(form, ["confirm"]),
  schema: z.object({ confirm: z.string("Type the program’s slug to confirm").trim() }),
  async run({ program, slug, db }, { confirm }): Promise<DeleteProgramState> {
    if (confirm !== program.slug) {
      return refused(
        `Confirmation: type the program’s slug, ${program.slug}, exactly. Nothing was deleted.`,
      );
    }
    const analytics = await getAnalyticsCopy(db);
    if ("unavailable" in analytics) {
      return refused(
        `The analytics copy (ClickHouse) cannot be reached (${analytics.unavailable}), so the program’s numbers there could not be removed. Nothing was deleted; try again in a moment.`,
      );
    }
    await deleteProgram(db.prisma, program.id, analytics.copy);
    revalidatePath(`/p/${slug}`, "layout");
    // The start page: another program of theirs, or a page saying they have none.
    redirect("/");
  },
});
