"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canAnnotate } from "@/lib/programs/roles";
import { newAnnotation } from "@/lib/annotations/annotation-input";
import { createAnnotation, deleteAnnotation } from "@/lib/annotations/change-annotation";

export type AnnotationState = FormResult;

const VIEWERS_REFUSED = "Only owners and managers can add or delete notes on the chart.";
const NO_SUCH_NOTE = "No such note in this program.";

export const addAnnotationAction = programAction({
  allow: canAnnotate,
  refusal: VIEWERS_REFUSED,
  input: (_prev: AnnotationState, form: FormData) => formFields(form, ["day", "text"]),
  schema: newAnnotation,
  async run({ program, user, slug, prisma }, note): Promise<AnnotationState> {
    await createAnnotation(prisma, program.id, user, note);
    revalidatePath(`/p/${slug}/actions`);
    return { status: "saved", message: `Noted on ${note.day}.` };
  },
});

export const deleteAnnotationAction = programAction({
  allow: canAnnotate,
  refusal: VIEWERS_REFUSED,
  input: (_prev: AnnotationState, form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused(NO_SUCH_NOTE, { field: "id" }),
  async run({ program, user, slug, prisma }, { id }): Promise<AnnotationState> {
    if (!(await deleteAnnotation(prisma, program.id, id, user))) {
      return refused(NO_SUCH_NOTE, { field: "id" });
    }
    revalidatePath(`/p/${slug}/actions`);
    return { status: "saved", message: "Deleted." };
  },
});
