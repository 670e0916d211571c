// Types of sign-in-settings.mjs (plain JavaScript, so scripts/start-server.mjs can read it).

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

export function readSignInSettings(
  env?: Record<string, string | undefined>,
): { ok: true; settings: SignInSettings } | { ok: false; problems: string[] };

export function signInSettings(): SignInSettings;
