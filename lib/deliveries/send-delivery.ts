import "server-only";
import { loadTabState } from "../stats/url/load-tab-state";
import { resolveTimeframe } from "../stats/timeframe/resolve-timeframe";
import { buildExport } from "../exports/build-export";
import { exportBytes, isRefusal } from "../exports/export-file";
import { SENDING_LEASE_MS, type ClaimedDelivery } from "./claim-delivery";
import { holdDelivery } from "./hold-delivery";
import { CREATOR_CANNOT_SEND_OUTSIDE, creatorMaySendOutside } from "./creator-may-send-outside";
import { sendAlertMessage } from "../alerts/send-alert-message";
import { stillAllowed } from "./check-recipients";
import { EMAIL_MAX_BYTES, type DeliveryContext, type DeliveryFile } from "./delivery-context";
import { fileLink } from "./delivery-links";
import type { DeliveryOutcome } from "./finish-delivery";
import { loadRecipientRules } from "./load-recipient-rules";
import { describeRule } from "../time/schedule-time";
import { sendEmails } from "./send-email";
import { postWebhook } from "./send-webhook";
import { openWebhookSecret } from "./webhook-secret";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Builds the claimed delivery's file at `now` and hands it to its channel. Never throws: an
 * unexpected error (the database gone, the schedule deleted mid-send) is a failed attempt.
 */
export async function sendDelivery(
  ctx: DeliveryContext,
  claimed: ClaimedDelivery,
  now: Date,
): Promise<DeliveryOutcome> {
  try {
    if (claimed.alertId !== null) return await sendAlertMessage(ctx, claimed, now);
    return await attempt(ctx, claimed, claimed.scheduleId!, now);
  } catch (error) {
    return { ok: false, error: `Sending failed: ${message(error)}` };
  }
}

async function attempt(
  ctx: DeliveryContext,
  claimed: ClaimedDelivery,
  scheduleId: number,
  now: Date,
): Promise<DeliveryOutcome> {
  const { prisma } = ctx.db;
  // Renewed after the file is built and after each recipient: a long send keeps its claim, and
  // one that lost it (another process took over) stops.
  const lease = () => new Date(Date.now() + (ctx.leaseMs ?? SENDING_LEASE_MS));
  const lost: DeliveryOutcome = {
    ok: false,
    error: "Another process took this delivery over (this one outlived its lease).",
  };
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId: claimed.programId, id: scheduleId } },
    include: { savedView: true, program: true },
  });
  if (!schedule) return { ok: false, error: "The schedule no longer exists.", permanent: true };
  const { program, savedView } = schedule;

  // The file of the ⋮ menu's download of the saved view, as the route builds it, at `now`
  // (relative timeframes resolved then). A refusal or failure is kept in the log with its reason.
  let file: DeliveryFile;
  try {
    const built = await buildExport(
      await ctx.sources(),
      program,
      schedule.file,
      new URLSearchParams(savedView.query),
      now.getTime(),
      savedView.name,
    );
    if (isRefusal(built)) {
      return { ok: false, error: `Building ${schedule.file} failed: ${built.message}` };
    }
    file = { name: built.name, contentType: built.contentType, content: await exportBytes(built) };
  } catch (error) {
    return { ok: false, error: `Building ${schedule.file} failed: ${message(error)}` };
  }
  const sized = { fileName: file.name, fileBytes: file.content.length };
  if (!(await holdDelivery(prisma, claimed, lease()))) return lost;
  const viewUrl = new URL(
    `/p/${program.slug}/actions${savedView.query ? `?${savedView.query}` : ""}`,
    ctx.baseUrl,
  ).toString();
  const timeframe = resolveTimeframe(
    loadTabState(Object.fromEntries(new URLSearchParams(savedView.query))).filters.timeframe,
    program.timezone,
    now.getTime(),
  ).description;

  if (schedule.channel === "webhook") {
    if (!(await creatorMaySendOutside(prisma, program.id, schedule.createdBy))) {
      return { ok: false, permanent: true, error: CREATOR_CANNOT_SEND_OUTSIDE, ...sized };
    }
    const expiresAt = now.getTime() + ctx.linkTtlMs;
    await prisma.deliveryFile.upsert({
      where: { programId_deliveryId: { programId: program.id, deliveryId: claimed.id } },
      create: {
        programId: program.id,
        deliveryId: claimed.id,
        name: file.name,
        contentType: file.contentType,
        content: file.content,
        expiresAt: new Date(expiresAt),
      },
      update: {
        name: file.name,
        contentType: file.contentType,
        content: file.content,
        expiresAt: new Date(expiresAt),
      },
    });
    const payload = {
      type: "delivery.ready",
      timestamp: now.toISOString(),
      data: {
        program: program.slug,
        schedule_id: schedule.id,
        delivery_id: claimed.id,
        view: { name: savedView.name, url: viewUrl, timeframe },
        file: {
          name: file.name,
          content_type: file.contentType,
          size: file.content.length,
          url: fileLink(ctx.baseUrl, ctx.secret, claimed, expiresAt),
          expires_at: new Date(expiresAt).toISOString(),
        },
      },
    };
    try {
      await postWebhook(
        schedule.webhookUrl!,
        openWebhookSecret(schedule.webhookSecret!),
        `msg_${program.id}_${claimed.id}`,
        payload,
        now.getTime(),
        { ca: ctx.webhookCa, allowPrivate: ctx.allowPrivateWebhooks },
      );
    } catch (error) {
      return { ok: false, error: message(error), ...sized };
    }
    return { ok: true, recipients: [], ...sized };
  }

  const recipients = stillAllowed(
    schedule.recipients,
    await loadRecipientRules(prisma, program.id),
  );
  if (recipients.length === 0) {
    return {
      ok: false,
      permanent: true,
      error: "Nobody to send to: every recipient has left the program or unsubscribed.",
      ...sized,
    };
  }
  if (file.content.length > EMAIL_MAX_BYTES) {
    return {
      ok: false,
      permanent: true,
      error: `${file.name} is ${megabytes(file.content.length)}, over the ${megabytes(EMAIL_MAX_BYTES)} an email can carry: narrow the view, choose a smaller file, or deliver by webhook.`,
      ...sized,
    };
  }
  const { sent, error } = await sendEmails(
    ctx,
    {
      programId: program.id,
      scheduleId: schedule.id,
      programName: program.name,
      viewName: savedView.name,
      viewUrl,
      description: `${describeRule(schedule)} (${program.timezone}) · ${timeframe}`,
      file,
    },
    recipients,
    claimed.recipients,
    (to) => holdDelivery(prisma, claimed, lease(), to),
  );
  if (error) return { ok: false, error, permanent: !ctx.mailer, recipients: sent, ...sized };
  return { ok: true, recipients: sent, ...sized };
}
