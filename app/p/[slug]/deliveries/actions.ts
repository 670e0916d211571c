"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusedRecipient } from "@/lib/deliveries/check-recipients";
import { createSchedule } from "@/lib/deliveries/create-schedule";
import { deleteSchedule } from "@/lib/deliveries/delete-schedule";
import { wakeDeliveryScheduler } from "@/lib/deliveries/delivery-scheduler";
import { DELIVERY_FILES } from "@/lib/deliveries/delivery-files";
import { privateHostOf, privateWebhooksAllowed } from "@/lib/security/private-address";
import { ENCRYPTION_KEY_VARIABLE, encryptionKeyFrom } from "@/lib/security/sealed-secret";
import { loadRecipientRules } from "@/lib/deliveries/load-recipient-rules";
import { requestDelivery } from "@/lib/deliveries/request-delivery";
import { domainList, scheduleInput } from "@/lib/deliveries/schedule-input";
import { setDeliveryDomains } from "@/lib/deliveries/set-delivery-domains";
import { formRowId } from "@/lib/forms/form-row-id";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/time/format";
import { formFields, programAction } from "@/lib/programs/program-action";
import {
  canAllowDeliveryDomains,
  canDeliverOutside,
  canManageSavedViews,
  type Role,
} from "@/lib/programs/roles";

/**
 * A form's answer. `code` is the HTTP status the refusal would have as an API answer (403 role,
 * 404 unknown object, 422 invalid input), `field` the form field to fix.
 */
export type DeliveryFormState = {
  status: "idle" | "saved" | "error";
  code?: 403 | 404 | 409 | 422;
  field?: string;
  message?: string;
};

const SCHEDULE_FIELDS = [
  "savedViewId",
  "frequency",
  "weekday",
  "monthDay",
  "time",
  "file",
  "channel",
  "recipients",
  "webhookUrl",
] as const;

const error = (
  code: 403 | 404 | 409 | 422,
  message: string,
  field?: string,
): DeliveryFormState => ({
  status: "error",
  code,
  message,
  ...(field && { field }),
});

const invalid = (e: z.ZodError): DeliveryFormState => {
  const issue = e.issues[0];
  return error(422, issue.message, issue.path[0] === undefined ? undefined : String(issue.path[0]));
};

/** Every member may schedule a saved view to members; owners and managers also outside. */
export const createScheduleAction = programAction({
  allow: () => true,
  refusal: "",
  input: (_prev: DeliveryFormState, form: FormData) => formFields(form, SCHEDULE_FIELDS),
  schema: scheduleInput(DELIVERY_FILES.map((f) => f.file)),
  refused: (message) => error(403, message),
  invalid,
  async run({ program, role, user, slug, prisma }, input): Promise<DeliveryFormState> {
    const view = await prisma.savedView.findUnique({
      where: { programId_id: { programId: program.id, id: input.savedViewId } },
      select: { id: true },
    });
    if (!view) return error(404, "No such saved view in this program.", "savedViewId");
    if (input.channel === "webhook" && !canDeliverOutside(role)) {
      return error(403, "Only owners and managers can deliver to a webhook.", "channel");
    }
    const privateHost = input.webhookUrl && privateHostOf(input.webhookUrl);
    if (input.channel === "webhook" && privateHost && !privateWebhooksAllowed()) {
      return error(
        422,
        `${privateHost} is a private address: webhooks go to hosts on the internet.`,
        "webhookUrl",
      );
    }
    if (input.channel === "email") {
      const refused = refusedRecipient(input.recipients, {
        ...(await loadRecipientRules(prisma, program.id)),
        role,
      });
      if (refused) return error(422, refused, "recipients");
    }
    // The view may be deleted meanwhile: its foreign key refuses the schedule (P2003).
    if (input.channel === "webhook" && !encryptionKeyFrom()) {
      return error(
        422,
        `${ENCRYPTION_KEY_VARIABLE} is not set on this server: a webhook's signing secret is stored encrypted. Ask an administrator to set it, or deliver by email.`,
        "channel",
      );
    }
    const created = await createSchedule(prisma, program, user, input).catch((e: unknown) => {
      if ((e as { code?: string }).code === "P2003") return null;
      throw e;
    });
    if (!created) return error(404, "No such saved view in this program.", "savedViewId");
    const { nextRunAt } = created;
    revalidatePath(`/p/${slug}/deliveries`);
    return {
      status: "saved",
      message: `Scheduled. First delivery ${formatDateTime(nextRunAt, program.timezone)}.`,
    };
  },
});

/** Whoever created a schedule, and owners and managers, may send it now or delete it. */
const mayChange = (role: Role, userId: number, createdBy: number) =>
  canManageSavedViews(role) || userId === createdBy;

const scheduleId = z.object({ id: formRowId });
const NO_SCHEDULE = "No such schedule in this program.";

async function findOwnSchedule(
  access: { program: { id: number }; role: Role; user: { id: number } },
  prisma: PrismaClient,
  id: number,
): Promise<DeliveryFormState | null> {
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId: access.program.id, id } },
    select: { createdBy: true },
  });
  if (!schedule) return error(404, NO_SCHEDULE, "id");
  if (!mayChange(access.role, access.user.id, schedule.createdBy)) {
    return error(403, "Only its creator, owners and managers can change this schedule.", "id");
  }
  return null;
}

/** An action on one schedule, for its creator, owners and managers (`findOwnSchedule`). */
function ownScheduleAction(
  change: (
    access: {
      prisma: PrismaClient;
      program: { id: number };
      slug: string;
      user: { id: number; name: string; email: string };
    },
    id: number,
  ) => Promise<DeliveryFormState>,
) {
  return programAction({
    allow: () => true,
    refusal: "",
    input: (_prev: DeliveryFormState, form: FormData) => formFields(form, ["id"]),
    schema: scheduleId,
    refused: (message) => error(403, message),
    invalid: () => error(404, NO_SCHEDULE, "id"),
    async run(access, { id }): Promise<DeliveryFormState> {
      return (await findOwnSchedule(access, access.prisma, id)) ?? change(access, id);
    },
  });
}

export const sendNowAction = ownScheduleAction(async ({ prisma, program, slug, user }, id) => {
  const asked = await requestDelivery(prisma, program.id, id, user);
  if (asked === "missing") return error(404, NO_SCHEDULE, "id");
  if (asked === "busy") {
    return error(409, "This schedule's last “Send now” is still on its way: see the log.", "id");
  }
  wakeDeliveryScheduler();
  revalidatePath(`/p/${slug}/deliveries`);
  return { status: "saved", message: "Sending now — the log below shows when it has gone." };
});

export const deleteScheduleAction = ownScheduleAction(
  async ({ prisma, program, slug, user }, id) => {
    await deleteSchedule(prisma, program.id, id, user);
    revalidatePath(`/p/${slug}/deliveries`);
    return { status: "saved", message: "Schedule deleted." };
  },
);

/** Owners decide which outside domains may receive the program's data. */
export const setDomainsAction = programAction({
  allow: canAllowDeliveryDomains,
  refusal: "Only owners can change the allowed domains.",
  input: (_prev: DeliveryFormState, form: FormData) => formFields(form, ["domains"]),
  schema: z.object({ domains: z.preprocess((v) => v ?? "", domainList) }),
  refused: (message) => error(403, message, "domains"),
  invalid: (e) => ({ ...invalid(e), field: "domains" }),
  async run({ program, slug, prisma, user }, { domains }): Promise<DeliveryFormState> {
    await setDeliveryDomains(prisma, program.id, domains, user);
    revalidatePath(`/p/${slug}/deliveries`);
    return {
      status: "saved",
      message: domains.length ? `Allowed: ${domains.join(", ")}.` : "No outside domain is allowed.",
    };
  },
});
