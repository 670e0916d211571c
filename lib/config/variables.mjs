// Every environment variable the app reads but the sign-in group (sign-in.mjs): its allowed form
// (a zod schema of the trimmed, non-blank text), its default (the text used when unset, parsed like
// a given value) or what unset means, and whether it is secret (a problem then names the variable
// without its value). README's Configuration table lists exactly these (config-readme.test.ts).
import path from "node:path";
import { z } from "zod";

/**
 * @typedef {object} Variable
 * @property {z.ZodType} schema  the allowed form of a given (or default) value
 * @property {string} [default]  the text used when unset
 * @property {string} [unset]    what unset means, when there is no default
 * @property {true} [secret]     problems leave its value out
 * @property {true} [asGiven]    not trimmed (a key is what it is, spaces included)
 * @property {string} [production] what it is, for `npm start`, which refuses to start without it
 * @property {string} [productionWarning] what is off without it (`npm start` warns)
 */

const number = (what) =>
  z
    .string()
    .refine((text) => Number.isFinite(Number(text)) && Number(text) > 0, `must be ${what} above 0`)
    .transform(Number);
const onOff = z.enum(["on", "off"], { message: "must be on or off" });
const allow = z.literal("allow", { message: "must be allow, or unset" });

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/** `count/window`: at most `limit` events per window of `windowSeconds`. */
const rateLimit = z
  .string()
  .regex(/^\d{1,9}\/\d{1,6}[smh]$/, 'must look like "10/15m" (count/window in s, m or h)')
  .transform((text) => {
    const [count, window] = text.split("/");
    return {
      limit: Number(count),
      windowSeconds: Number(window.slice(0, -1)) * UNIT_SECONDS[window.at(-1)],
    };
  })
  .refine((v) => v.limit >= 1 && v.windowSeconds >= 1, "count and window must be at least 1");

const DEFAULT_ANALYTICS_DATABASE = "actionboard";
const ANALYTICS_FORM = "must be chdb://<folder> or http(s)://user:pass@host:port/db";
/** The analytics copy: ClickHouse embedded in this process (chdb://folder) or a server. */
const analyticsUrl = z.string().transform((raw, ctx) => {
  if (raw.startsWith("chdb://")) {
    const location = raw.slice("chdb://".length);
    if (!location) {
      ctx.addIssue({ code: "custom", message: "needs a folder after chdb:// (chdb://<folder>)" });
      return z.NEVER;
    }
    return {
      engine: /** @type {const} */ ("chdb"),
      path: path.resolve(/*turbopackIgnore: true*/ process.cwd(), location),
      database: DEFAULT_ANALYTICS_DATABASE,
    };
  }
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    ctx.addIssue({ code: "custom", message: ANALYTICS_FORM });
    return z.NEVER;
  }
  const database = url.pathname.replace(/^\//, "") || DEFAULT_ANALYTICS_DATABASE;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(database)) {
    ctx.addIssue({
      code: "custom",
      message: `names the database "${database}": use letters, digits and _ only`,
    });
    return z.NEVER;
  }
  return {
    engine: /** @type {const} */ ("clickhouse"),
    url: url.origin,
    username: decodeURIComponent(url.username) || "default",
    password: decodeURIComponent(url.password),
    database,
  };
});

const trustProxy = z.string().transform((text, ctx) => {
  if (text === "0" || text.toLowerCase() === "false") return 0;
  if (/^(?:[1-9]|10)$/.test(text)) return Number(text);
  ctx.addIssue({
    code: "custom",
    message: "must be the number of proxies in front of the app (1–10), or unset",
  });
  return z.NEVER;
});

const port = z
  .string()
  .regex(/^\d{1,5}$/, "must be a port number (1–65535)")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, "must be a port number (1–65535)");

const httpUrl = (what) =>
  z
    .string()
    .refine(
      (text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol),
      `must be ${what} (http:// or https://)`,
    );

/** @type {Record<string, Variable>} */
export const VARIABLES = {
  DATABASE_URL: {
    unset: "embedded PGlite",
    secret: true,
    schema: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
  },
  PGLITE_DIR: { unset: "`.data/pglite`", schema: z.string() },
  NEXTAUTH_SECRET: {
    unset: "generated into `.data/auth-secret`",
    secret: true,
    asGiven: true,
    schema: z.string(),
    production: "the key that signs sessions and links (every server of the app needs the same)",
  },
  AUTH_SECRET: { secret: true, asGiven: true, schema: z.string() },
  NEXTAUTH_URL: {
    unset: "`http://127.0.0.1:3000` in links",
    schema: httpUrl("the app's public URL"),
    production: "the app's public URL, where links in emails and webhooks point",
  },
  PORT: { default: "3000", schema: port },
  HOST: { default: "127.0.0.1", schema: z.string() },
  ANALYTICS_URL: { unset: "the database answers the tab", secret: true, schema: analyticsUrl },
  RATE_LIMIT_SIGNIN_ACCOUNT: { default: "10/15m", schema: rateLimit },
  RATE_LIMIT_SIGNIN_ADDRESS: { default: "50/15m", schema: rateLimit },
  TRUST_PROXY: { schema: trustProxy },
  RATE_LIMIT_API_KEY: { default: "6000/1m", schema: rateLimit },
  RATE_LIMIT_API_WRONG_SECRET: { default: "20/5m", schema: rateLimit },
  // "Forgot password?" requests, per address asked for and per client address.
  RATE_LIMIT_RESET_ACCOUNT: { default: "3/1h", schema: rateLimit },
  RATE_LIMIT_RESET_ADDRESS: { default: "20/1h", schema: rateLimit },
  // Wrong passwords of a share link, per link and client address.
  RATE_LIMIT_SHARE_PASSWORD: { default: "10/15m", schema: rateLimit },
  SETUP_TOKEN: { unset: "a new random one per start", secret: true, schema: z.string() },
  PDF_MAX_CELLS: { default: "70000", schema: number("a number of cells") },
  PDF_QUEUE: {
    default: "2",
    schema: z
      .string()
      .regex(/^\d{1,3}$/, "must be a whole number (0–999)")
      .transform(Number),
  },
  ACTION_TYPES_PER_PROGRAM: {
    default: "200",
    schema: z.coerce
      .number({ message: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000"),
  },
  SMTP_URL: {
    unset: "email deliveries fail",
    secret: true,
    schema: z
      .string()
      .refine(
        (text) => URL.canParse(text) && /^smtps?:$/.test(new URL(text).protocol),
        "must be an smtp:// or smtps:// URL (nodemailer's)",
      ),
    productionWarning: "scheduled deliveries by email are off",
  },
  MAIL_FROM: { default: "Actionboard <actionboard@localhost>", schema: z.string() },
  DELIVERY_SCHEDULER: { default: "on", schema: onOff },
  DELIVERY_POLL_SECONDS: { default: "30", schema: number("a number of seconds") },
  DELIVERY_RETRY_SECONDS: {
    default: "60,300,1800,7200",
    schema: z
      .string()
      .transform((text) => text.split(",").map((s) => Number(s.trim())))
      .refine(
        (seconds) => seconds.every((s) => Number.isFinite(s) && s >= 0),
        'must be a list of seconds, e.g. "60,300,1800"',
      ),
  },
  DELIVERY_LEASE_SECONDS: { default: "600", schema: number("a number of seconds") },
  DELIVERY_WEBHOOK_PRIVATE: { schema: allow },
  ACTIONBOARD_ENCRYPTION_KEY: {
    unset: "no PartnerStack, no webhook deliveries",
    secret: true,
    schema: z.string(),
    production: "the key that seals PartnerStack keys and webhook secrets at rest",
  },
  PARTNERSTACK_WORKER: { default: "on", schema: onOff },
  PARTNERSTACK_SYNC_MINUTES: { default: "5", schema: number("a number of minutes") },
  PARTNERSTACK_POLL_SECONDS: { default: "15", schema: number("a number of seconds") },
  PARTNERSTACK_PRIVATE: { schema: allow },
  // Operating it: logs, metrics, shutdown (README, "Operating it").
  LOG_FORMAT: {
    default: "json",
    schema: z.enum(["json", "pretty"], { message: "must be json or pretty" }),
  },
  LOG_LEVEL: {
    default: "info",
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent",
    }),
  },
  METRICS_TOKEN: {
    unset: "`/metrics` answers 404",
    secret: true,
    schema: z.string().min(16, "must be at least 16 characters"),
  },
  METRICS_PORT: { unset: "no metrics port", schema: port },
  SHUTDOWN_TIMEOUT_SECONDS: { default: "25", schema: number("a number of seconds") },
  DIRECT_INGESTION: { default: "on", schema: onOff },
};
