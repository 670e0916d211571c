"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storable } from "@/lib/validation/fields";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageSavedViews } from "@/lib/programs/roles";
import { canonicalViewQuery } from "@/lib/saved-views/canonical-query";
import { deleteView } from "@/lib/saved-views/delete-view";
import { renameView } from "@/lib/saved-views/rename-view";
import { saveView } from "@/lib/saved-views/save-view";
import { updateViewFilters } from "@/lib/saved-views/update-view-filters";
import type { ViewChange } from "@/lib/saved-views/view-change";

/** Done carries the view's id: the form that saved it opens it (`?…&view=<id>`). */
export type SaveViewState = FormResult<{ status: "saved"; message: string; id: number }>;

// Saved views are the program's, shared by every member: a viewer applies them but cannot
// overwrite, rename or delete what the team relies on.
const VIEWERS_REFUSED = "Only owners and managers can change the program's saved views.";
const NO_SUCH_VIEW = "No such saved view in this program.";

const viewName = storable(
  z.string("Name the view").trim().min(1, "Name the view").max(80, "At most 80 characters"),
);
const viewId = formRowId;
// What the tab's filters were when the button was pressed, bound by the page (not typed).
const viewQuery = z.unknown().transform((query) => canonicalViewQuery(String(query)));
// An id that does not parse names no view: the same answer as an id of another program.
const idOrName = (error: z.ZodError) =>
  error.issues[0].path[0] === "id"
    ? refused(NO_SUCH_VIEW, { field: "id" })
    : refused(error.issues[0].message, { field: "name" });

function answer(change: ViewChange, slug: string, message: string): SaveViewState {
  if (!change.ok) return refused(change.message, { field: change.field });
  revalidatePath(`/p/${slug}/actions`);
  return { status: "saved", message, id: change.id };
}

export const saveViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (query: string, _prev: SaveViewState, form: FormData) => ({
    ...formFields(form, ["name"]),
    query,
  }),
  schema: z.object({ name: viewName, query: viewQuery }),
  invalid: idOrName,
  async run({ program, user, slug, prisma }, { name, query }): Promise<SaveViewState> {
    const change = await saveView(prisma, program.id, user, name, query);
    return answer(change, slug, `Saved “${name}”.`);
  },
});

export const updateViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (query: string, _prev: SaveViewState, form: FormData) => ({
    ...formFields(form, ["id"]),
    query,
  }),
  schema: z.object({ id: viewId, query: viewQuery }),
  invalid: idOrName,
  async run({ program, user, slug, prisma }, { id, query }): Promise<SaveViewState> {
    const change = await updateViewFilters(prisma, program.id, id, user, query);
    return answer(change, slug, "Updated with the current filters.");
  },
});

export const renameViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (_prev: SaveViewState, form: FormData) => formFields(form, ["id", "name"]),
  schema: z.object({ id: viewId, name: viewName }),
  invalid: idOrName,
  async run({ program, user, slug, prisma }, { id, name }): Promise<SaveViewState> {
    const change = await renameView(prisma, program.id, id, user, name);
    return answer(change, slug, `Renamed to “${name}”.`);
  },
});

export const deleteViewAction = programAction({
  allow: canManageSavedViews,
  refusal: VIEWERS_REFUSED,
  input: (_prev: SaveViewState, form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: viewId }),
  invalid: () => refused(NO_SUCH_VIEW, { field: "id" }),
  async run({ program, user, slug, prisma }, { id }): Promise<SaveViewState> {
    if (!(await deleteView(prisma, program.id, id, user))) {
      return refused(NO_SUCH_VIEW, { field: "id" });
    }
    revalidatePath(`/p/${slug}/actions`);
    return { status: "saved", message: "Deleted.", id };
  },
});
