import "server-only";
import { sendMail, type MailSettings } from "../mail/mail-settings";
import { invitationUrl } from "./invitation-link";

/**
 * Mails an invitation's link through the server's mailer (the one deliveries use). Returns the
 * link and whether it was mailed: without SMTP_URL the owner is shown the link to pass on.
 */
export async function sendInvitationEmail(
  mail: MailSettings,
  invite: { to: string; programName: string; inviter: string; role: string; token: string },
): Promise<{ link: string; mailed: boolean }> {
  const link = invitationUrl(mail.baseUrl, invite.token);
  const mailed = await sendMail(mail, {
    to: invite.to,
    subject: `${invite.inviter} invited you to ${invite.programName} on Actionboard`,
    text: [
      `${invite.inviter} invited you to join ${invite.programName} on Actionboard as ${invite.role}.`,
      "",
      "Accept the invitation (the link works once, for 7 days):",
      link,
      "",
      "If you did not expect this, ignore this message.",
    ].join("\n"),
  });
  return { link, mailed };
}
