import "server-only";
import { SENDING_LEASE_MS, type ClaimedDelivery } from "../deliveries/claim-delivery";
import { stillAllowed } from "../deliveries/check-recipients";
import {
  CREATOR_CANNOT_SEND_OUTSIDE,
  creatorMaySendOutside,
} from "../deliveries/creator-may-send-outside";
import type { DeliveryContext } from "../deliveries/delivery-context";
import type { DeliveryOutcome } from "../deliveries/finish-delivery";
import { holdDelivery } from "../deliveries/hold-delivery";
import { loadRecipientRules } from "../deliveries/load-recipient-rules";
import { postWebhook } from "../deliveries/send-webhook";
import { sendToEach, type OneMail } from "../deliveries/send-to-each";
import { escapeHtml } from "../format/escape-html";
import { openWebhookSecret } from "../deliveries/webhook-secret";
import { alertMessage, messageLines, messageSummary, type AlertMessage } from "./alert-message";
import { alertWebhookPayload } from "./alert-webhook-payload";

/**
 * Sends an alert's message (a delivery with `alertId`) through the alert's channel: a signed
 * webhook, or one email per recipient still allowed (recorded as reached one by one, so a retry
 * skips them). Throws on the unexpected; sendDelivery turns that into a failed attempt.
 */
export async function sendAlertMessage(
  ctx: DeliveryContext,
  claimed: ClaimedDelivery,
  now: Date,
): Promise<DeliveryOutcome> {
  const { prisma } = ctx.db;
  const delivery = await prisma.delivery.findUnique({
    where: { programId_id: { programId: claimed.programId, id: claimed.id } },
    select: { message: true, alert: { include: { program: true } } },
  });
  const alert = delivery?.alert;
  if (!delivery || !alert)
    return { ok: false, permanent: true, error: "The alert no longer exists." };
  const message = alertMessage.parse(delivery.message);
  const { program } = alert;
  const alertsUrl = new URL(`/p/${program.slug}/alerts`, ctx.baseUrl).toString();

  if (alert.channel === "webhook") {
    if (!(await creatorMaySendOutside(prisma, program.id, alert.createdBy))) {
      return { ok: false, permanent: true, error: CREATOR_CANNOT_SEND_OUTSIDE };
    }
    try {
      await postWebhook(
        alert.webhookUrl!,
        openWebhookSecret(alert.webhookSecret!),
        `msg_${program.id}_${claimed.id}`,
        alertWebhookPayload(program.slug, claimed.id, message, now),
        now.getTime(),
        { ca: ctx.webhookCa, allowPrivate: ctx.allowPrivateWebhooks },
      );
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, recipients: [], fileName: "", fileBytes: 0 };
  }

  const recipients = stillAllowed(alert.recipients, await loadRecipientRules(prisma, program.id));
  if (recipients.length === 0) {
    return {
      ok: false,
      permanent: true,
      error: "Nobody to send to: every recipient has left the program or unsubscribed.",
    };
  }
  const lease = () => new Date(Date.now() + (ctx.leaseMs ?? SENDING_LEASE_MS));
  const of = { kind: "alert" as const, programId: program.id, id: alert.id };
  const { sent, error } = await sendToEach(
    ctx,
    of,
    recipients,
    claimed.recipients,
    (to) => holdDelivery(prisma, claimed, lease(), to),
    (unsubscribe) => alertEmail(message, program.name, alertsUrl, unsubscribe),
  );
  if (error) return { ok: false, error, permanent: !ctx.mailer, recipients: sent };
  return { ok: true, recipients: sent, fileName: "", fileBytes: 0 };
}

function alertEmail(
  m: AlertMessage,
  programName: string,
  alertsUrl: string,
  unsubscribe: string,
): OneMail {
  const lines = messageLines(m);
  const subject = `Alert: ${m.viewName} — ${messageSummary(m)} (${programName})`;
  const text = [
    `The alert on the saved view “${m.viewName}” (${programName}) checked ${m.period}:`,
    "",
    ...lines,
    "",
    `See the chart: ${m.chartUrl}`,
    `Snooze or change this alert: ${alertsUrl}`,
    "",
    `Stop receiving this alert: ${unsubscribe}`,
  ].join("\n");
  const html = `<p>The alert on the saved view “${escapeHtml(m.viewName)}” (${escapeHtml(programName)}) checked ${escapeHtml(m.period)}:</p>
<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(lines.join("\n"))}</pre>
<p><a href="${escapeHtml(m.chartUrl)}">See the chart in Actionboard</a> · <a href="${escapeHtml(alertsUrl)}">Snooze or change this alert</a></p>
<p style="color:#6b7280;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> from this alert.</p>`;
  return { subject, text, html };
}
