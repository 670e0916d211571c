"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { loadTabState } from "@/lib/stats/url/load-tab-state";
import { serializeTabUrl } from "@/lib/stats/url/search-params";
import { storable } from "@/lib/validation/fields";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageSavedViews } from "@/lib/programs/roles";
import { deleteView } from "@/lib/saved-views/delete-view";
import { saveView } from "@/lib/saved-views/save-view";

export type SaveViewState = FormResult;

// Saved views are the program's, shared by every member: a viewer applies them but cannot
// overwrite or delete what the team relies on.
const VIEWERS_REFUSED = "Only owners and managers can change the program's saved views.";

export const saveViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (query: string, _prev: SaveViewState, form: FormData) => ({
    ...formFields(form, ["name"]),
    query,
  }),
  schema: z.object({
    name: storable(
      z.string("Name the view").trim().min(1, "Name the view").max(80, "At most 80 characters"),
    ),
    query: z.unknown().transform(String),
  }),
  async run({ program, user, slug, prisma }, { name, query }): Promise<SaveViewState> {
    // Store the filters as the tab understands them, never the raw text that was sent.
    const { filters } = loadTabState(Object.fromEntries(new URLSearchParams(query)));
    const normalized = serializeTabUrl("", filters).replace(/^\?/, "");
    await saveView(prisma, program.id, user.id, name, normalized);
    revalidatePath(`/p/${slug}/actions`);
    return { status: "saved", message: `Saved “${name}”.` };
  },
});

export const deleteViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused("No such saved view in this program."),
  async run({ program, slug, prisma }, { id }): Promise<FormResult> {
    await deleteView(prisma, program.id, id);
    revalidatePath(`/p/${slug}/actions`);
    return { status: "saved" };
  },
});
