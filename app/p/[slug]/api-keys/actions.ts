"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { formRowId } from "@/lib/forms/form-row-id";
import { requireProgramAccess } from "@/lib/programs/require-program-access";
import { canManageApiKeys } from "@/lib/programs/roles";

export type CreateKeyState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "created"; label: string; publicKey: string; secret: string };

const createKeySchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, "Give the key a label, e.g. “Production backend”")
    .max(100, "At most 100 characters"),
  mode: z.enum(["live", "test"], { message: "Choose live or test" }),
});

export type RevokeKeyResult = { error?: string };

export async function createApiKeyAction(
  slug: string,
  _prev: CreateKeyState,
  form: FormData,
): Promise<CreateKeyState> {
  const access = await requireProgramAccess(slug);
  if (!canManageApiKeys(access.role))
    return { status: "error", message: "Only program owners can create API keys." };
  const parsed = createKeySchema.safeParse({ label: form.get("label"), mode: form.get("mode") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0].message };
  const key = await createApiKey(access.program.id, parsed.data.label, parsed.data.mode);
  revalidatePath(`/p/${slug}/api-keys`);
  return { status: "created", label: key.label, publicKey: key.publicKey, secret: key.secret };
}

// A refusal is an answer the form shows, not an exception (which the client would get as a 500).
export async function revokeApiKeyAction(slug: string, form: FormData): Promise<RevokeKeyResult> {
  const access = await requireProgramAccess(slug);
  if (!canManageApiKeys(access.role)) return { error: "Only program owners can revoke API keys." };
  const id = formRowId.safeParse(form instanceof FormData ? form.get("id") : null);
  if (!id.success) return { error: "No such key in this program." };
  await revokeApiKey(access.program.id, id.data);
  revalidatePath(`/p/${slug}/api-keys`);
  return {};
}
