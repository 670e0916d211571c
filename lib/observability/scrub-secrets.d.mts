// Types of scrub-secrets.mjs (plain JavaScript, so scripts/start-server.mjs can use it).
export const REDACTED: string;

/** The text with secret settings' values, API secret keys, credentials and URL passwords redacted. */
export function scrubSecrets(text: string): string;
