"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { loadTabState } from "@/lib/actions-tab/load-tab-state";
import { serializeTabUrl } from "@/lib/actions-tab/search-params";
import { storable } from "@/lib/api/schemas/common";
import { formRowId } from "@/lib/forms/form-row-id";
import { requireProgramAccess } from "@/lib/programs/require-program-access";
import { canManageSavedViews } from "@/lib/programs/roles";
import { deleteView } from "@/lib/saved-views/delete-view";
import { saveView } from "@/lib/saved-views/save-view";

export type SaveViewState = { status: "idle" | "saved" | "error"; message?: string };
export type DeleteViewResult = { error?: string };

// Saved views are the program's, shared by every member: a viewer applies them but cannot
// overwrite or delete what the team relies on. Refusals are answers the UI shows, not exceptions.
const VIEWERS_REFUSED = "Only owners and managers can change the program's saved views.";

const nameSchema = storable(
  z.string("Name the view").trim().min(1, "Name the view").max(80, "At most 80 characters"),
);

export async function saveViewAction(
  slug: string,
  query: string,
  _prev: SaveViewState,
  form: FormData,
): Promise<SaveViewState> {
  const { program, user, role } = await requireProgramAccess(slug);
  if (!canManageSavedViews(role)) return { status: "error", message: VIEWERS_REFUSED };
  const name = nameSchema.safeParse(form instanceof FormData ? form.get("name") : null);
  if (!name.success) return { status: "error", message: name.error.issues[0].message };
  // Store the filters as the tab understands them, never the raw text that was sent.
  const { filters } = loadTabState(Object.fromEntries(new URLSearchParams(String(query))));
  const normalized = serializeTabUrl("", filters).replace(/^\?/, "");
  await saveView(program.id, user.id, name.data, normalized);
  revalidatePath(`/p/${slug}/actions`);
  return { status: "saved", message: `Saved “${name.data}”.` };
}

export async function deleteViewAction(slug: string, form: FormData): Promise<DeleteViewResult> {
  const { program, role } = await requireProgramAccess(slug);
  if (!canManageSavedViews(role)) return { error: VIEWERS_REFUSED };
  const id = formRowId.safeParse(form instanceof FormData ? form.get("id") : null);
  if (!id.success) return { error: "No such saved view in this program." };
  await deleteView(program.id, id.data);
  revalidatePath(`/p/${slug}/actions`);
  return {};
}
