"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteConnection, openConnection, saveConnection } from "@/lib/partnerstack/connection";
import { PARTNERSTACK_BASE_URL, PartnerStackError } from "@/lib/partnerstack/partnerstack-client";
import { wakePartnerStackWorker } from "@/lib/partnerstack/partnerstack-worker";
import { privateSourceProblem } from "@/lib/partnerstack/source-address";
import { startOrResumeImport } from "@/lib/partnerstack/run-import";
import { refused, type FormResult } from "@/lib/forms/form-result";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canManagePartnerStack } from "@/lib/programs/roles";
import { MissingEncryptionKeyError } from "@/lib/security/sealed-secret";

export type ConnectState = FormResult<{ status: "connected" }>;

const REFUSAL = "Only program owners can manage the PartnerStack connection.";
const UNREADABLE = "Could not read the form.";

const key = (what: string) =>
  z
    .string(`Enter the ${what}`)
    .trim()
    .min(1, `Enter the ${what}`)
    .max(500, `The ${what} is at most 500 characters`);

const connectSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .transform((v) => v || PARTNERSTACK_BASE_URL)
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          message: "Enter an http(s) URL, e.g. " + PARTNERSTACK_BASE_URL,
        })
        .max(500, "At most 500 characters"),
    ),
  publicKey: key("public key"),
  secretKey: key("secret key"),
});

export const connectAction = programAction({
  allow: canManagePartnerStack,
  refusal: REFUSAL,
  input: (_prev: ConnectState, form: FormData) =>
    formFields(form, ["baseUrl", "publicKey", "secretKey"]),
  schema: connectSchema,
  async run({ program, slug, prisma, user }, input): Promise<ConnectState> {
    const problem = await privateSourceProblem(input.baseUrl);
    if (problem) return refused(problem, { field: "baseUrl" });
    try {
      await saveConnection(prisma, program.id, input, user);
    } catch (error) {
      if (error instanceof MissingEncryptionKeyError) return refused(error.message);
      if (error instanceof PartnerStackError) {
        const keys = error.status === 401 || error.status === 403;
        return refused(
          keys
            ? `PartnerStack refused these keys (${error.status}): check the public and secret key.`
            : `Could not check the keys: ${error.message}`,
          { field: keys ? "secretKey" : "baseUrl" },
        );
      }
      throw error;
    }
    revalidatePath(`/p/${slug}/partnerstack`);
    return { status: "connected" };
  },
});

export const importAction = programAction({
  allow: canManagePartnerStack,
  refusal: REFUSAL,
  input: (form: FormData) => ({
    rerunRules: form instanceof FormData && form.get("rerunRules") === "on",
  }),
  schema: z.object({ rerunRules: z.boolean() }),
  invalid: () => refused(UNREADABLE),
  async run({ program, slug, prisma, user }, { rerunRules }): Promise<FormResult> {
    let connection;
    try {
      connection = await openConnection(prisma, program.id);
    } catch (error) {
      return refused(error instanceof Error ? error.message : String(error));
    }
    if (!connection) return refused("Connect the program to PartnerStack first.");
    const { resumed } = await startOrResumeImport(prisma, program.id, {
      baseUrl: connection.baseUrl,
      rerunRules,
      actor: user,
    });
    wakePartnerStackWorker();
    revalidatePath(`/p/${slug}/partnerstack`);
    return { status: "saved", message: resumed ? "Import resumed." : "Import started." };
  },
});

export const removeConnectionAction = programAction({
  allow: canManagePartnerStack,
  refusal: REFUSAL,
  input: () => ({}),
  schema: z.object({}),
  invalid: () => refused(UNREADABLE),
  async run({ program, slug, prisma, user }): Promise<FormResult> {
    await deleteConnection(prisma, program.id, user);
    revalidatePath(`/p/${slug}/partnerstack`);
    return {
      status: "saved",
      message: "Disconnected. Webhooks sent to the old URL are now refused.",
    };
  },
});
