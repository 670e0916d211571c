// Types of config.mjs (plain JavaScript, so scripts/start-server.mjs can read it). One property
// per variable of variables.mjs, as parsed (units as the variable names them), and the sign-in
// group's settings as `signIn`.

export type Env = Record<string, string | undefined>;

/** At most `limit` events per window of `windowSeconds`, counted from the window's first event. */
export interface RateLimitSetting {
  limit: number;
  windowSeconds: number;
}

/** Where the analytics copy lives (ANALYTICS_URL): ClickHouse embedded (chdb) or a server. */
export type ClickHouseTarget =
  | { engine: "chdb"; path: string; database: string }
  | { engine: "clickhouse"; url: string; username: string; password: string; database: string };

/** Single sign-on by OpenID Connect, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
export interface OidcSettings {
  /** The issuer identifier, no trailing slash; its discovery document is under /.well-known/. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's "Sign in with <name>": OIDC_NAME, else the issuer's host. */
  name: string;
  /** Lowercase email domains whose verified people get an account (with no program) at sign-in. */
  allowedDomains: string[];
}

export interface SignInSettings {
  oidc: OidcSettings | null;
  /** False with PASSWORD_SIGNIN=off: no password form, and credential sign-in refused. */
  passwordSignIn: boolean;
}

/** Unset (or blank) is `undefined` where a variable has no default. */
export interface Config {
  DATABASE_URL?: string;
  PGLITE_DIR?: string;
  ANALYTICS_URL?: ClickHouseTarget;
  NEXTAUTH_SECRET?: string;
  AUTH_SECRET?: string;
  NEXTAUTH_URL?: string;
  HOST: string;
  PORT: number;
  TRUST_PROXY?: number;
  RATE_LIMIT_SIGNIN_ACCOUNT: RateLimitSetting;
  RATE_LIMIT_SIGNIN_ADDRESS: RateLimitSetting;
  RATE_LIMIT_API_KEY: RateLimitSetting;
  RATE_LIMIT_API_WRONG_SECRET: RateLimitSetting;
  RATE_LIMIT_RESET_ACCOUNT: RateLimitSetting;
  RATE_LIMIT_RESET_ADDRESS: RateLimitSetting;
  RATE_LIMIT_SHARE_PASSWORD: RateLimitSetting;
  SETUP_TOKEN?: string;
  PDF_MAX_CELLS: number;
  PDF_QUEUE: number;
  ACTION_TYPES_PER_PROGRAM: number;
  SMTP_URL?: string;
  MAIL_FROM: string;
  DELIVERY_SCHEDULER: "on" | "off";
  DELIVERY_POLL_SECONDS: number;
  DELIVERY_RETRY_SECONDS: number[];
  DELIVERY_LEASE_SECONDS: number;
  DELIVERY_WEBHOOK_PRIVATE?: "allow";
  ACTIONBOARD_ENCRYPTION_KEY?: string;
  PARTNERSTACK_WORKER: "on" | "off";
  PARTNERSTACK_SYNC_MINUTES: number;
  PARTNERSTACK_POLL_SECONDS: number;
  PARTNERSTACK_PRIVATE?: "allow";
  LOG_FORMAT: "json" | "pretty";
  LOG_LEVEL: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  METRICS_TOKEN?: string;
  METRICS_PORT?: number;
  SHUTDOWN_TIMEOUT_SECONDS: number;
  DIRECT_INGESTION: "on" | "off";
  signIn: SignInSettings;
}

/** A variable's declaration (what README's Configuration tables show of it). */
export interface VariableDeclaration {
  default?: string;
  unset?: string;
  secret?: true;
  asGiven?: true;
  production?: string;
  productionWarning?: string;
}

/** Every variable the app reads, in the README's order. */
export const VARIABLES: Readonly<Record<string, VariableDeclaration>>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]);
}

/** This process's settings, or an environment's; a bad value throws a ConfigError naming it. */
export function config(env?: Env): Config;

export function readConfig(
  env: Env,
): { ok: true; config: Config } | { ok: false; problems: string[] };

export function readSignInSettings(
  env: Env,
): { ok: true; settings: SignInSettings } | { ok: false; problems: string[] };

/** Every problem with an environment's settings (this process's by default). */
export function configProblems(env?: Env): string[];

/** At a server's start: this process's settings, or every problem printed and the process ended. */
export function configAtStart(): Config;

/** Every secret setting's text (and passwords inside URLs): what logs must not show. */
/** A cheap key of the secret settings as given: changes whenever secretSettingValues could. */
export function secretSettingsKey(env?: Env): string;
export function secretSettingValues(env?: Env): string[];

/** What keeps `npm start` from starting, and what it only warns about. */
export function productionSettings(env?: Env): { missing: string[]; warnings: string[] };

/** For test files sharing a process: puts the environment back as it is at this call. */
export function environmentRestorer(): () => void;
