import "server-only";
import { EMAIL_NOT_SET_UP } from "../config/setup-hints";
import type { DeliveryContext, DeliveryFile } from "./delivery-context";
import { unsubscribeLink } from "./delivery-links";

export interface EmailDelivery {
  programId: number;
  scheduleId: number;
  programName: string;
  viewName: string;
  /** Link to the saved view on the tab. */
  viewUrl: string;
  description: string;
  file: DeliveryFile;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One message per recipient (each has their own unsubscribe link, also in List-Unsubscribe with
 * one-click POST, RFC 8058), the file attached. `reached` records each recipient as soon as the
 * mail server took the message (false: stop, the delivery is no longer ours). Stops at the first
 * failure; returns who got it.
 */
export async function sendEmails(
  ctx: DeliveryContext,
  delivery: EmailDelivery,
  recipients: string[],
  alreadySent: string[],
  reached: (to: string) => Promise<boolean>,
): Promise<{ sent: string[]; error?: string }> {
  const sent = [...alreadySent];
  if (!ctx.mailer) return { sent, error: EMAIL_NOT_SET_UP };
  for (const to of recipients) {
    if (sent.includes(to)) continue;
    const unsubscribe = unsubscribeLink(
      ctx.baseUrl,
      ctx.secret,
      { programId: delivery.programId, id: delivery.scheduleId },
      to,
    );
    const subject = `${delivery.viewName} — ${delivery.programName} (Actionboard)`;
    const lines = [
      `Your scheduled delivery of the saved view “${delivery.viewName}” (${delivery.programName}) is attached: ${delivery.file.name}.`,
      `${delivery.description}.`,
      `Open the view: ${delivery.viewUrl}`,
      "",
      `Stop receiving this delivery: ${unsubscribe}`,
    ];
    try {
      await ctx.mailer.sendMail({
        from: ctx.mailFrom,
        to,
        subject,
        text: lines.join("\n"),
        html: `<p>Your scheduled delivery of the saved view “${escapeHtml(delivery.viewName)}” (${escapeHtml(delivery.programName)}) is attached: ${escapeHtml(delivery.file.name)}.</p>
<p>${escapeHtml(delivery.description)}.</p>
<p><a href="${escapeHtml(delivery.viewUrl)}">Open the view in Actionboard</a></p>
<p style="color:#6b7280;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> from this delivery.</p>`,
        list: {
          unsubscribe: {
            url: `${unsubscribe}/one-click`,
            comment: "Unsubscribe from this delivery",
          },
        },
        headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        attachments: [
          {
            filename: delivery.file.name,
            content: Buffer.from(delivery.file.content.buffer),
            contentType: delivery.file.contentType,
          },
        ],
      });
    } catch (error) {
      return {
        sent,
        error: `Sending to ${to} failed: ${error instanceof Error ? error.message : error}`,
      };
    }
    sent.push(to);
    if (!(await reached(to))) {
      return {
        sent,
        error: "Another process took this delivery over (this one outlived its lease).",
      };
    }
  }
  return { sent };
}
