import "server-only";
import { mailSettingsFromEnv } from "../mail/mail-settings";
import { sendInvitationEmail } from "./send-invitation-email";
import { logger } from "../observability/logger.mjs";

/**
 * Mails an invitation's link, or hands it back to be passed on by hand: when the server has no
 * mail, or when the mail server refuses the message (then `mailError` says so).
 */
export async function deliverInvitation(invite: {
  to: string;
  programName: string;
  inviter: string;
  role: string;
  token: string;
}): Promise<{ mailed: boolean; link: string; mailError?: string }> {
  const mail = mailSettingsFromEnv();
  try {
    return await sendInvitationEmail(mail, invite);
  } catch (error) {
    logger().error(
      { err: error },
      `Invitation email to ${invite.to} failed: ${(error as Error).message}`,
    );
    const { link } = await sendInvitationEmail({ ...mail, mailer: null }, invite);
    return { mailed: false, link, mailError: "The mail server refused the message." };
  }
}
