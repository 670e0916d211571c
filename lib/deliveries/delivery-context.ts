import type { Transporter } from "nodemailer";
import type { TabSources } from "../stats/sources";
import type { OpenDatabase } from "../db/open";

/** The file a delivery sends: attached to its emails, or kept for its webhook's download link. */
export interface DeliveryFile {
  name: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
}

/** Everything sending a delivery needs, passed in (the server builds it from its environment). */
export interface DeliveryContext {
  db: OpenDatabase;
  /** What builds the files: asked per delivery, so an analytics engine back from an outage is used. */
  sources: () => Promise<TabSources>;
  /** Signs download and unsubscribe links. */
  secret: string;
  /** The app's public origin, for links in emails and webhooks (NEXTAUTH_URL). */
  baseUrl: string;
  /** SMTP through nodemailer, or null when SMTP_URL is not set (email deliveries then fail). */
  mailer: Transporter | null;
  mailFrom: string;
  /** How long a webhook's download link works. */
  linkTtlMs: number;
  /** Extra trust for webhook TLS (tests' self-signed receiver); production uses the system's. */
  webhookCa?: string;
  /** Webhooks may reach private addresses (DELIVERY_WEBHOOK_PRIVATE=allow; tests). */
  allowPrivateWebhooks?: boolean;
  /** Waits before retry n (1-based): the last entry's length is reached, the next failure is final. */
  retryDelaysMs: readonly number[];
  /** How long a sending process holds a delivery before another may take it over (it died). */
  leaseMs?: number;
}

/** 1 min, 5 min, 30 min, 2 h: four retries over about two and a half hours. */
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000] as const;
export const LINK_TTL_MS = 24 * 3_600_000;
/** Mail servers commonly refuse messages over 25 MB; base64 adds a third. */
export const EMAIL_MAX_BYTES = 15 * 1024 * 1024;
