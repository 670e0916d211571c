// What a person reads when this server lacks a setting: what stops working and what to do, with
// the variable named for whoever runs the server (README, "Configuration"). Plain text, so
// pages, client forms and delivery logs share the words.

export const EMAIL_NOT_SET_UP =
  "Email is not set up on this server. Whoever runs Actionboard sets SMTP_URL to the mail server’s address (smtp:// or smtps://, see the README’s Configuration) and restarts it.";

export const ENCRYPTION_KEY_NOT_SET =
  "This server has no encryption key, so it cannot store PartnerStack keys. Whoever runs Actionboard sets ACTIONBOARD_ENCRYPTION_KEY to a long random value (for example the output of openssl rand -base64 32) and restarts it; then connect here.";

export const SECRET_KEY_CHANGED =
  "This server cannot open the signing secret: its encryption key (ACTIONBOARD_ENCRYPTION_KEY) is not the one the secret was stored with. Put the earlier key back, or delete this schedule and add it again to get a new secret.";
