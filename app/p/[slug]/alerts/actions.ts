"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ALERT_FIELDS, alertInput } from "@/lib/alerts/alert-input";
import { changeAlert, SNOOZES, type Snooze } from "@/lib/alerts/change-alert";
import type { ScheduleRefusal } from "@/lib/deliveries/schedule-refusal";
import { invalidInput, refused, type FormResult } from "@/lib/forms/form-result";
import { formRowId } from "@/lib/forms/form-row-id";
import { formFields, programAction } from "@/lib/programs/program-action";
import { formatDateTime } from "@/lib/time/format";
import { createAlert } from "@/lib/alerts/create-alert";

export type AlertFormState = FormResult;

const answer = ({ code, field, message }: ScheduleRefusal) => refused(message, { code, field });

/** Every member may alert members by email; owners and managers also outside and by webhook. */
export const createAlertAction = programAction({
  input: (_prev: AlertFormState, form: FormData) => formFields(form, ALERT_FIELDS),
  schema: alertInput,
  invalid: (error: z.ZodError) => invalidInput(error, { code: 422 }),
  async run({ program, role, user, slug, prisma }, input): Promise<AlertFormState> {
    const made = await createAlert(prisma, program, { role, user }, input);
    if (!made.ok) return answer(made);
    revalidatePath(`/p/${slug}/alerts`);
    return {
      status: "saved",
      message: `Alert saved. First check ${formatDateTime(made.nextCheckAt, program.timezone)}.`,
    };
  },
});

const alertId = z.object({ id: formRowId });
const noAlert = () => refused("No such alert in this program.", { code: 404, field: "id" });

/** Its creator, owners and managers may snooze (or wake) an alert, or delete it. */
export const snoozeAlertAction = programAction({
  input: (_prev: AlertFormState, form: FormData) => formFields(form, ["id", "snooze"]),
  schema: alertId.extend({
    snooze: z.enum(Object.keys(SNOOZES) as [Snooze, ...Snooze[]], "Choose how long to snooze"),
  }),
  invalid: (error) =>
    error.issues.some((i) => i.path[0] === "id") ? noAlert() : invalidInput(error, { code: 422 }),
  async run({ prisma, program, role, slug, user }, { id, snooze }): Promise<AlertFormState> {
    const changed = await changeAlert(prisma, program.id, { role, user }, id, {
      kind: "snooze",
      snooze,
    });
    if (!changed.ok) return answer(changed);
    revalidatePath(`/p/${slug}/alerts`);
    return {
      status: "saved",
      message: changed.snoozedUntil
        ? `Snoozed until ${formatDateTime(changed.snoozedUntil, program.timezone)}.`
        : "Awake: it tells again what it finds.",
    };
  },
});

export const deleteAlertAction = programAction({
  input: (_prev: AlertFormState, form: FormData) => formFields(form, ["id"]),
  schema: alertId,
  invalid: noAlert,
  async run({ prisma, program, role, slug, user }, { id }): Promise<AlertFormState> {
    const removed = await changeAlert(prisma, program.id, { role, user }, id, { kind: "delete" });
    if (!removed.ok) return answer(removed);
    revalidatePath(`/p/${slug}/alerts`);
    return { status: "saved", message: "Alert deleted." };
  },
});
