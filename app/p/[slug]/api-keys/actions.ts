"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storable } from "@/lib/validation/fields";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManageApiKeys } from "@/lib/programs/roles";

export type CreateKeyState = FormResult<{
  status: "created";
  label: string;
  publicKey: string;
  secret: string;
}>;

export const createApiKeyAction = programAction({
  allow: canManageApiKeys,
  refusal: "Only program owners can create API keys.",
  input: (_prev: CreateKeyState, form: FormData) => formFields(form, ["label", "mode"]),
  schema: z.object({
    label: storable(
      z
        .string()
        .trim()
        .min(1, "Give the key a label, e.g. “Production backend”")
        .max(100, "At most 100 characters"),
    ),
    mode: z.enum(["live", "test"], { message: "Choose live or test" }),
  }),
  async run({ program, slug, prisma, user }, { label, mode }): Promise<CreateKeyState> {
    const key = await createApiKey(prisma, program.id, label, mode, user);
    revalidatePath(`/p/${slug}/api-keys`);
    return { status: "created", label: key.label, publicKey: key.publicKey, secret: key.secret };
  },
});

export const revokeApiKeyAction = programAction({
  allow: canManageApiKeys,
  refusal: "Only program owners can revoke API keys.",
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused("No such key in this program."),
  async run({ program, slug, prisma, user }, { id }): Promise<FormResult> {
    await revokeApiKey(prisma, program.id, id, user);
    revalidatePath(`/p/${slug}/api-keys`);
    return { status: "saved" };
  },
});
