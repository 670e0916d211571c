"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { loadTabState } from "@/lib/actions-tab/load-tab-state";
import { serializeTabUrl } from "@/lib/actions-tab/search-params";
import { requireProgramAccess } from "@/lib/programs/require-program-access";
import { deleteView } from "@/lib/saved-views/delete-view";
import { saveView } from "@/lib/saved-views/save-view";

export type SaveViewState = { status: "idle" | "saved" | "error"; message?: string };

const nameSchema = z.string().trim().min(1, "Name the view").max(80, "At most 80 characters");

export async function saveViewAction(
  slug: string,
  query: string,
  _prev: SaveViewState,
  form: FormData,
): Promise<SaveViewState> {
  const { program, user } = await requireProgramAccess(slug);
  const name = nameSchema.safeParse(form.get("name"));
  if (!name.success) return { status: "error", message: name.error.issues[0].message };
  // Store the filters as the tab understands them, never the raw text that was sent.
  const { filters } = loadTabState(Object.fromEntries(new URLSearchParams(query)));
  const normalized = serializeTabUrl("", filters).replace(/^\?/, "");
  await saveView(program.id, user.id, name.data, normalized);
  revalidatePath(`/p/${slug}/actions`);
  return { status: "saved", message: `Saved “${name.data}”.` };
}

export async function deleteViewAction(slug: string, form: FormData): Promise<void> {
  const { program } = await requireProgramAccess(slug);
  const id = Number(form.get("id"));
  if (Number.isInteger(id)) await deleteView(program.id, id);
  revalidatePath(`/p/${slug}/actions`);
}
