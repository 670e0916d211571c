"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canEditProgramSettings, canManageSavedViews } from "@/lib/programs/roles";
import { rotateEmbedSecret } from "@/lib/share-links/rotate-embed-secret";
import { createShareLink, revokeShareLink } from "@/lib/share-links/change-share-link";
import { expiryOf, shareLinkForm } from "@/lib/share-links/share-link-input";
import { shareLinkPath } from "@/lib/share-links/share-link-path";

export type CreateShareLinkState = FormResult<{ status: "created"; path: string }>;

const REFUSAL = "Only program owners and managers can share saved views.";

export const createShareLinkAction = programAction({
  allow: canManageSavedViews,
  refusal: REFUSAL,
  input: (_prev: CreateShareLinkState, form: FormData) =>
    formFields(form, ["savedViewId", "password", "expires", "embedOrigins"]),
  schema: shareLinkForm,
  async run({ program, slug, prisma, user }, input): Promise<CreateShareLinkState> {
    try {
      const link = await createShareLink(prisma, program.id, user, {
        savedViewId: input.savedViewId,
        password: input.password,
        expiresAt: expiryOf(input.expires, program.timezone),
        embedOrigins: input.embedOrigins,
      });
      revalidatePath(`/p/${slug}/share-links`);
      return { status: "created", path: shareLinkPath(program.id, link.token) };
    } catch (error) {
      if (error instanceof DomainError && error.fields?.length) {
        return refused(error.message, { field: error.fields[0].field });
      }
      throw error;
    }
  },
});

export const revokeShareLinkAction = programAction({
  allow: canManageSavedViews,
  refusal: REFUSAL,
  input: (form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused("No such link in this program."),
  async run({ program, slug, prisma, user }, { id }): Promise<FormResult> {
    if (!(await revokeShareLink(prisma, program.id, id, user))) {
      return refused("No such open link in this program.");
    }
    revalidatePath(`/p/${slug}/share-links`);
    return { status: "saved" };
  },
});

/** A new embed secret (owners): URLs signed with the old one stop opening. */
export const rotateEmbedSecretAction = programAction({
  allow: canEditProgramSettings,
  refusal: "Only program owners can change the embed secret.",
  schema: z.unknown(),
  async run({ program, slug, prisma, user }): Promise<FormResult> {
    await rotateEmbedSecret(prisma, program.id, user);
    revalidatePath(`/p/${slug}/share-links`);
    return { status: "saved", message: "New embed secret made." };
  },
});
