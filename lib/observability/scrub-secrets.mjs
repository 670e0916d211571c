// What a log line or a health answer must never carry, removed from any text: the values of the
// secret settings (lib/config: database and SMTP URLs, signing and encryption keys, tokens), and
// by their shape API secret keys, Authorization header values and passwords inside URLs. Plain
// JavaScript: scripts/start-server.mjs's logger uses it before Next loads.
import { secretSettingsKey, secretSettingValues } from "../config/config.mjs";

export const REDACTED = "[redacted]";

const PATTERNS = [
  // An API secret key (`sk_<mode>_<id>_<random>`, lib/api-keys/api-key-secrets.ts).
  [/\bsk_(live|test)_[A-Za-z0-9]{16,64}_[A-Za-z0-9_-]{20,128}/g, `sk_$1_${REDACTED}`],
  // An Authorization header's credentials.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // user:password@ in any URL (a connection string in a driver's error message).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@"]*:)[^@\s/"]+@/gi, `$1${REDACTED}@`],
  // A value named like a secret (`password`, `…_secret`, `…token`), removed whole: a JSON field's
  // string (spaces and escaped quotes included), the same inside a logged string (escaped once),
  // a number, boolean or null (made the string "[redacted]", so the line stays valid JSON), and a
  // form's or prose's `password=…`, `secret: …`.
  [/((?:password|passwd|secret|token)"\s*:\s*")(?:[^"\\]|\\.)*/gi, `$1${REDACTED}`],
  [/((?:password|passwd|secret|token)\\"\s*:\s*\\")(?:[^"\\]|\\[^"])*/gi, `$1${REDACTED}`],
  [
    /((?:password|passwd|secret|token)"\s*:\s*)(?:-?\d[\d.eE+-]*|true|false|null)(?=\s*[,}\]])/gi,
    `$1"${REDACTED}"`,
  ],
  [
    /((?:password|passwd|secret|token)\\"\s*:\s*)(?:-?\d[\d.eE+-]*|true|false|null)(?=\s*[,}\]])/gi,
    `$1\\"${REDACTED}\\"`,
  ],
  [/((?:password|passwd|secret|token)\s*[:=]\s*)(?!\[redacted\])[^"\\&\s,;}]+/gi, `$1${REDACTED}`],
];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** @type {{ key: string, values: RegExp | null } | undefined} */
let cached;

/**
 * One expression matching every secret setting's value (as is and as JSON escapes it), built again
 * only when a secret setting changes (every log line asks).
 */
function secretValuesPattern() {
  const key = secretSettingsKey();
  if (cached?.key !== key) {
    const values = secretSettingValues();
    const texts = new Set();
    for (const value of values) {
      texts.add(value);
      texts.add(JSON.stringify(value).slice(1, -1));
    }
    const sorted = [...texts].sort((a, b) => b.length - a.length).map(escapeRegExp);
    cached = { key, values: sorted.length > 0 ? new RegExp(sorted.join("|"), "g") : null };
  }
  return cached.values;
}

/**
 * The text with every secret this process knows of, and every API secret key, credential and
 * URL password in it, replaced by `[redacted]`.
 * @param {string} text
 */
export function scrubSecrets(text) {
  let scrubbed = text;
  const values = secretValuesPattern();
  if (values) scrubbed = scrubbed.replace(values, REDACTED);
  for (const [pattern, replacement] of PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}
