import "server-only";
import { escapeHtml } from "../format/escape-html";
import type { DeliveryContext, DeliveryFile } from "./delivery-context";
import { sendToEach } from "./send-to-each";

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

/** A schedule's delivery by email: one message per recipient, the file attached (sendToEach). */
export async function sendEmails(
  ctx: DeliveryContext,
  delivery: EmailDelivery,
  recipients: string[],
  alreadySent: string[],
  reached: (to: string) => Promise<boolean>,
): Promise<{ sent: string[]; error?: string }> {
  const of = { kind: "schedule" as const, programId: delivery.programId, id: delivery.scheduleId };
  return sendToEach(ctx, of, recipients, alreadySent, reached, (unsubscribe) => ({
    subject: `${delivery.viewName} — ${delivery.programName} (Actionboard)`,
    text: [
      `Your scheduled delivery of the saved view “${delivery.viewName}” (${delivery.programName}) is attached: ${delivery.file.name}.`,
      `${delivery.description}.`,
      `Open the view: ${delivery.viewUrl}`,
      "",
      `Stop receiving this delivery: ${unsubscribe}`,
    ].join("\n"),
    html: `<p>Your scheduled delivery of the saved view “${escapeHtml(delivery.viewName)}” (${escapeHtml(delivery.programName)}) is attached: ${escapeHtml(delivery.file.name)}.</p>
<p>${escapeHtml(delivery.description)}.</p>
<p><a href="${escapeHtml(delivery.viewUrl)}">Open the view in Actionboard</a></p>
<p style="color:#6b7280;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> from this delivery.</p>`,
    attachments: [
      {
        filename: delivery.file.name,
        content: Buffer.from(delivery.file.content.buffer),
        contentType: delivery.file.contentType,
      },
    ],
  }));
}
