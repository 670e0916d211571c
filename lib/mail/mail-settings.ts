import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../config/config.mjs";

/** How this server sends email: SMTP_URL (nodemailer), MAIL_FROM, and its public origin for links. */
export interface MailSettings {
  /** null when SMTP_URL is not set: nothing can be mailed (invitations show their link instead). */
  mailer: Transporter | null;
  from: string;
  /** The app's public origin (NEXTAUTH_URL), for links in messages. */
  baseUrl: string;
}

let cached: { smtp: string | undefined; settings: MailSettings } | undefined;

/** The server's mail settings, from its environment (one transport per SMTP_URL). */
export function mailSettingsFromEnv(): MailSettings {
  const { SMTP_URL: smtp, MAIL_FROM: from, NEXTAUTH_URL } = config();
  const baseUrl = (NEXTAUTH_URL || "http://127.0.0.1:3000").replace(/\/+$/, "");
  if (!cached || cached.smtp !== smtp) {
    cached = {
      smtp,
      settings: { mailer: smtp ? nodemailer.createTransport(smtp) : null, from, baseUrl },
    };
  }
  return { ...cached.settings, from, baseUrl };
}

/** Sends one plain-text message; false when this server has no SMTP_URL. Mail errors throw. */
export async function sendMail(
  settings: MailSettings,
  message: { to: string; subject: string; text: string },
): Promise<boolean> {
  if (!settings.mailer) return false;
  await settings.mailer.sendMail({ from: settings.from, ...message });
  return true;
}
