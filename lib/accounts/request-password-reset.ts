import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { sendMail, type MailSettings } from "../mail/mail-settings";
import { takeRateLimits } from "../rate-limit/count-rate-limit";
import { rateLimit } from "../rate-limit/rate-limit-config";
import { createPasswordReset, passwordResetUrl } from "./create-password-reset";
import { logger } from "../observability/logger.mjs";

export type ResetRequestResult =
  /** The same answer whether or not the address has an account. */
  | { status: "sent" }
  | { status: "limited"; retryAfterSeconds: number }
  /** This server cannot send email (no SMTP_URL): said to everyone alike. */
  | { status: "no_mail" };

/**
 * "Forgot password?": counts the request per address asked for and per client address (both
 * subjects exist whether or not an account does, so the limit itself tells nothing), then, if the
 * address has an account, mails it a one-hour, single-use link. The answer never depends on
 * whether the account exists.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  request: { email: string; clientAddress: string },
  mail: MailSettings,
  now = new Date(),
): Promise<ResetRequestResult> {
  if (!mail.mailer) return { status: "no_mail" };
  const email = request.email.trim().toLowerCase();
  const states = await takeRateLimits(prisma, [
    { limit: rateLimit("RATE_LIMIT_RESET_ACCOUNT"), subject: email },
    { limit: rateLimit("RATE_LIMIT_RESET_ADDRESS"), subject: request.clientAddress },
  ]);
  const blocked = states.filter((s) => s.exceeded);
  if (blocked.length > 0) {
    return {
      status: "limited",
      retryAfterSeconds: Math.max(...blocked.map((s) => s.retryAfterSeconds)),
    };
  }
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return { status: "sent" };
  const token = await createPasswordReset(prisma, user.id, now);
  const link = passwordResetUrl(mail.baseUrl, token);
  // Not awaited: an address with an account answers as fast as one without.
  void sendMail(mail, {
    to: email,
    subject: "Reset your Actionboard password",
    text: [
      `Hello ${user.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Actionboard account.",
      "Choose a new password here — the link works once, for one hour:",
      link,
      "",
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  }).catch((error: Error) => {
    // The answer stays the same (no enumeration); the operator sees the failure.
    logger().error({ err: error }, `Password reset email to ${email} failed: ${error.message}`);
  });
  return { status: "sent" };
}
