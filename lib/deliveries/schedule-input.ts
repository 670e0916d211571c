import { z } from "zod";
import { formRowId } from "../forms/form-row-id";

const MAX_RECIPIENTS = 50;

const email = z.email();

/** A form's list of addresses (commas, spaces or lines), lower-cased, each once. */
export const recipientList = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const addresses = [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    for (const address of addresses) {
      if (!email.safeParse(address).success) {
        ctx.addIssue({ code: "custom", message: `“${address}” is not an email address.` });
        return z.NEVER;
      }
    }
    if (addresses.length > MAX_RECIPIENTS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_RECIPIENTS} recipients.` });
      return z.NEVER;
    }
    return addresses;
  });

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === null || v === undefined || v === "" ? undefined : v),
    z.coerce.number(message).int(message).min(min, message).max(max, message).optional(),
  );

/** A webhook's address: https, at most 2,000 characters (absent when empty). */
export const webhookUrlField = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .url({ protocol: /^https$/, message: "Give the webhook's https:// URL" })
    .max(2000, "At most 2,000 characters")
    .optional(),
);

/**
 * The "Schedule delivery" form. Field names are the form's, so an error names what to fix.
 * `files` are the choices the export route offers.
 */
export function scheduleInput(files: readonly string[]) {
  return z
    .object({
      savedViewId: formRowId,
      frequency: z.enum(["daily", "weekly", "monthly"], "Choose daily, weekly or monthly"),
      weekday: optionalInt(1, 7, "Choose a weekday"),
      monthDay: optionalInt(1, 31, "Choose a day of the month from 1 to 31"),
      time: z
        .string("Give a time as HH:MM")
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Give a time as HH:MM (24-hour)")
        .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))),
      file: z.string("Choose a file").refine((f) => files.includes(f), "Choose a file to send"),
      channel: z.enum(["email", "webhook"], "Choose email or webhook"),
      recipients: z.preprocess((v) => v ?? "", recipientList),
      webhookUrl: webhookUrlField,
    })
    .superRefine((v, ctx) => {
      const need = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (v.frequency === "weekly" && v.weekday === undefined) need("weekday", "Choose a weekday");
      if (v.frequency === "monthly" && v.monthDay === undefined)
        need("monthDay", "Choose a day of the month from 1 to 31");
      if (v.channel === "email" && v.recipients.length === 0)
        need("recipients", "Add at least one recipient");
      if (v.channel === "webhook" && !v.webhookUrl)
        need("webhookUrl", "Give the webhook's https:// URL");
    });
}

export type ScheduleInput = z.output<ReturnType<typeof scheduleInput>>;

/** The allowed-domains form: one domain per line or comma, lower-cased. */
export const domainList = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const domains = [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ];
    for (const d of domains) {
      if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d)) {
        ctx.addIssue({ code: "custom", message: `“${d}” is not a domain name.` });
        return z.NEVER;
      }
    }
    if (domains.length > 20) {
      ctx.addIssue({ code: "custom", message: "At most 20 domains." });
      return z.NEVER;
    }
    return domains;
  });
