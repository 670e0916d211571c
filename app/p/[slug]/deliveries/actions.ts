"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeSchedule } from "@/lib/deliveries/change-schedule";
import { wakeDeliveryScheduler } from "@/lib/deliveries/delivery-scheduler";
import { DELIVERY_FILES } from "@/lib/deliveries/delivery-files";
import { domainList, scheduleInput } from "@/lib/deliveries/schedule-input";
import type { ScheduleRefusal } from "@/lib/deliveries/schedule-refusal";
import { scheduleSavedView } from "@/lib/deliveries/schedule-saved-view";
import { setDeliveryDomains } from "@/lib/deliveries/set-delivery-domains";
import { invalidInput, refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formatDateTime } from "@/lib/time/format";
import { formFields, programAction } from "@/lib/programs/program-action";
import { canAllowDeliveryDomains } from "@/lib/programs/roles";

/** A deliveries form's answer; a refusal carries the HTTP status it would have as an API answer. */
export type DeliveryFormState = FormResult;

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

const answer = ({ code, field, message }: ScheduleRefusal) => refused(message, { code, field });
const invalid = (error: z.ZodError) => invalidInput(error, { code: 422 });

/** Every member may schedule a saved view to members; owners and managers also outside. */
export const createScheduleAction = programAction({
  input: (_prev: DeliveryFormState, form: FormData) => formFields(form, SCHEDULE_FIELDS),
  schema: scheduleInput(DELIVERY_FILES.map((f) => f.file)),
  invalid,
  async run({ program, role, user, slug, prisma }, input): Promise<DeliveryFormState> {
    const scheduled = await scheduleSavedView(prisma, program, { role, user }, input);
    if (!scheduled.ok) return answer(scheduled);
    revalidatePath(`/p/${slug}/deliveries`);
    return {
      status: "saved",
      message: `Scheduled. First delivery ${formatDateTime(scheduled.nextRunAt, program.timezone)}.`,
    };
  },
});

const scheduleId = {
  input: (_prev: DeliveryFormState, form: FormData) => formFields(form, ["id"]),
  schema: z.object({ id: formRowId }),
  invalid: () => refused("No such schedule in this program.", { code: 404, field: "id" }),
};

/** Whoever created a schedule, and owners and managers, may send it now or delete it. */
export const sendNowAction = programAction({
  ...scheduleId,
  async run({ prisma, program, role, slug, user }, { id }): Promise<DeliveryFormState> {
    const sent = await changeSchedule(prisma, program.id, { role, user }, id, "send");
    if (!sent.ok) return answer(sent);
    wakeDeliveryScheduler();
    revalidatePath(`/p/${slug}/deliveries`);
    return { status: "saved", message: "Sending now — the log below shows when it has gone." };
  },
});

export const deleteScheduleAction = programAction({
  ...scheduleId,
  async run({ prisma, program, role, slug, user }, { id }): Promise<DeliveryFormState> {
    const removed = await changeSchedule(prisma, program.id, { role, user }, id, "delete");
    if (!removed.ok) return answer(removed);
    revalidatePath(`/p/${slug}/deliveries`);
    return { status: "saved", message: "Schedule deleted." };
  },
});

/** Owners decide which outside domains may receive the program's data. */
export const setDomainsAction = programAction({
  allow: canAllowDeliveryDomains,
  refusal: "Only owners can change the allowed domains.",
  input: (_prev: DeliveryFormState, form: FormData) => formFields(form, ["domains"]),
  schema: z.object({ domains: z.preprocess((v) => v ?? "", domainList) }),
  refused: (message) => refused(message, { code: 403, field: "domains" }),
  invalid: (error) => ({ ...invalid(error), field: "domains" }),
  async run({ program, slug, prisma, user }, { domains }): Promise<DeliveryFormState> {
    await setDeliveryDomains(prisma, program.id, domains, user);
    revalidatePath(`/p/${slug}/deliveries`);
    return {
      status: "saved",
      message: domains.length ? `Allowed: ${domains.join(", ")}.` : "No outside domain is allowed.",
    };
  },
});
