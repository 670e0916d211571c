"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Refusal } from "@/lib/errors/refusal";
import { storable } from "@/lib/validation/fields";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { createGroup } from "@/lib/groups/create-group";
import { updateGroup } from "@/lib/groups/update-group";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageGroups } from "@/lib/programs/roles";
import { createTag } from "@/lib/tags/create-tag";
import { updateTag } from "@/lib/tags/update-tag";

/** What a form of this page shows after a submit: nothing yet, a done message, or a refusal. */
export type GroupFormState = FormResult<{ status: "done"; message: string }>;

const GROUP_REFUSAL = "Only owners and managers can change groups and tags.";

const answer = (result: { ok: true } | Refusal, message: string): GroupFormState =>
  result.ok ? { status: "done", message } : refused(result.message, { field: result.field });

/** A name typed into a form: trimmed, required, storable. */
const nameField = (what: string, max: number) =>
  storable(
    z
      .string(`Name the ${what}`)
      .trim()
      .min(1, `Name the ${what}`)
      .max(max, `At most ${max} characters`),
  );
const groupName = nameField("group", 100);
const tagName = nameField("tag", 50);
const rowId = (what: string) => formRowId.catch(0).pipe(z.int().min(1, `No such ${what}.`));
const archivedField = z.enum(["true", "false"], { message: "Choose archive or restore" });

export const createGroupAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["name", "key"]),
  schema: z.object({
    name: groupName,
    key: storable(z.string().trim().max(255, "At most 255 characters"))
      .nullable()
      .transform((key) => key || undefined),
  }),
  async run({ program, slug, prisma, user }, input): Promise<GroupFormState> {
    const result = await createGroup(prisma, program.id, input, user);
    revalidatePath(`/p/${slug}/groups`);
    if (!result.ok) return answer(result, "");
    return { status: "done", message: `Created “${result.group.name}” (key ${result.group.key}).` };
  },
});

export const renameGroupAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["id", "name"]),
  schema: z.object({ id: rowId("group"), name: groupName }),
  async run({ program, slug, prisma, user }, { id, name }): Promise<GroupFormState> {
    const result = await updateGroup(prisma, program.id, { id }, { name }, user);
    revalidatePath(`/p/${slug}/groups`);
    return answer(result, `Renamed to “${name}”.`);
  },
});

export const archiveGroupAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["id", "archived"]),
  schema: z.object({ id: rowId("group"), archived: archivedField }),
  async run({ program, slug, prisma, user }, { id, archived }): Promise<GroupFormState> {
    const archive = archived === "true";
    const result = await updateGroup(prisma, program.id, { id }, { archived: archive }, user);
    revalidatePath(`/p/${slug}/groups`);
    return answer(result, archive ? "Archived." : "Restored.");
  },
});

export const createTagAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["name"]),
  schema: z.object({ name: tagName }),
  async run({ program, slug, prisma, user }, input): Promise<GroupFormState> {
    const result = await createTag(prisma, program.id, input, user);
    revalidatePath(`/p/${slug}/groups`);
    if (!result.ok) return answer(result, "");
    return { status: "done", message: `Created tag “${result.tag.name}”.` };
  },
});

export const renameTagAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["id", "name"]),
  schema: z.object({ id: rowId("tag"), name: tagName }),
  async run({ program, slug, prisma, user }, { id, name }): Promise<GroupFormState> {
    const result = await updateTag(prisma, program.id, { id }, { name }, user);
    revalidatePath(`/p/${slug}/groups`);
    return answer(result, `Renamed to “${name}”.`);
  },
});

export const archiveTagAction = programAction({
  allow: canManageGroups,
  refusal: GROUP_REFUSAL,
  input: (_prev: GroupFormState, form: FormData) => formFields(form, ["id", "archived"]),
  schema: z.object({ id: rowId("tag"), archived: archivedField }),
  async run({ program, slug, prisma, user }, { id, archived }): Promise<GroupFormState> {
    const archive = archived === "true";
    const result = await updateTag(prisma, program.id, { id }, { archived: archive }, user);
    revalidatePath(`/p/${slug}/groups`);
    return answer(result, archive ? "Archived." : "Restored.");
  },
});
