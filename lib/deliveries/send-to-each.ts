import "server-only";
import type { Attachment } from "nodemailer/lib/mailer";
import { EMAIL_NOT_SET_UP } from "../config/setup-hints";
import type { DeliveryContext } from "./delivery-context";
import { unsubscribeLink, type Subscription } from "./delivery-links";

export interface OneMail {
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
}

/**
 * One message per recipient of a schedule or an alert, each with its own unsubscribe link (also
 * in List-Unsubscribe with one-click POST, RFC 8058; `compose` puts it in the body). `reached`
 * records each recipient as soon as the mail server took the message (false: stop, the delivery
 * is no longer ours). Skips those already sent to; stops at the first failure; returns who got it.
 */
export async function sendToEach(
  ctx: DeliveryContext,
  of: Subscription,
  recipients: string[],
  alreadySent: string[],
  reached: (to: string) => Promise<boolean>,
  compose: (unsubscribe: string) => OneMail,
): Promise<{ sent: string[]; error?: string }> {
  const sent = [...alreadySent];
  if (!ctx.mailer) return { sent, error: EMAIL_NOT_SET_UP };
  for (const to of recipients) {
    if (sent.includes(to)) continue;
    const unsubscribe = unsubscribeLink(ctx.baseUrl, ctx.secret, of, to);
    try {
      await ctx.mailer.sendMail({
        from: ctx.mailFrom,
        to,
        ...compose(unsubscribe),
        list: { unsubscribe: { url: `${unsubscribe}/one-click`, comment: "Unsubscribe" } },
        headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
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
