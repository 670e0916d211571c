// The sign-in part of the configuration (config.mjs): single sign-on by OpenID Connect (OIDC_*)
// and whether the password form is on (PASSWORD_SIGNIN). Its variables are checked together (the
// first three go as one), so they are parsed as one group; its problems name the variable without
// its value (a client secret is among them).
import { z } from "zod";
import { given } from "./blank.mjs";

const OIDC_TRIPLE = "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
// A host name of at least two labels, lowercase (IDN as punycode).
const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Unset and blank are the same: nothing. Otherwise the trimmed text. */
const setting = z.preprocess((value) => given(value), z.string().optional());

const issuer = z
  .string()
  .refine((value) => URL.canParse(value), { message: "is not a URL" })
  .transform((value) => new URL(value))
  .refine(
    (url) => url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)),
    {
      message: "must be an https URL (http only on localhost, for tests)",
    },
  )
  .refine((url) => !url.search && !url.hash, { message: "must have no query or fragment" })
  // The issuer identifier as the provider states it, without a trailing slash.
  .transform((url) => url.href.replace(/\/$/, ""));

const domains = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    for (const domain of list) {
      if (!DOMAIN.test(domain)) {
        ctx.addIssue({
          code: "custom",
          message: `holds "${domain}", which is not a domain name (e.g. example.com)`,
        });
      }
    }
  });

const environment = z
  .object({
    OIDC_ISSUER: setting.pipe(issuer.optional()),
    OIDC_CLIENT_ID: setting.pipe(z.string().max(500, "is longer than 500 characters").optional()),
    OIDC_CLIENT_SECRET: setting.pipe(
      z.string().max(2000, "is longer than 2000 characters").optional(),
    ),
    OIDC_NAME: setting.pipe(z.string().max(60, "is longer than 60 characters").optional()),
    OIDC_ALLOWED_DOMAINS: setting.pipe(domains.optional()),
    PASSWORD_SIGNIN: setting.pipe(
      z
        .string()
        .toLowerCase()
        .pipe(z.enum(["on", "off"], { message: "must be on or off" }))
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const given = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"].filter(
      (name) => env[name],
    );
    const on = given.length === 3;
    if (given.length > 0 && !on) {
      for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) {
        if (!env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `is not set: single sign-on needs ${OIDC_TRIPLE} together (${given.join(", ")} set)`,
          });
        }
      }
    }
    if (!on && given.length === 0) {
      for (const name of ["OIDC_NAME", "OIDC_ALLOWED_DOMAINS"]) {
        if (env[name] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `is set but single sign-on is not: set ${OIDC_TRIPLE} too, or unset it`,
          });
        }
      }
      if (env.PASSWORD_SIGNIN === "off") {
        ctx.addIssue({
          code: "custom",
          path: ["PASSWORD_SIGNIN"],
          message: `is off and single sign-on is not configured (${OIDC_TRIPLE}): nobody could sign in`,
        });
      }
    }
  });

/** The group's variables, for the configuration's list (README: Single sign-on). */
export const SIGN_IN_VARIABLES = {
  OIDC_ISSUER: {},
  OIDC_CLIENT_ID: {},
  OIDC_CLIENT_SECRET: { secret: true },
  OIDC_NAME: { unset: "the issuer's host" },
  OIDC_ALLOWED_DOMAINS: {},
  PASSWORD_SIGNIN: { default: "on" },
};

/**
 * The sign-in settings an environment describes, or every problem with them, each starting with
 * the variable's name.
 * @param {Record<string, string | undefined>} env
 */
export function readSignInSettings(env) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}.`),
    };
  }
  const e = parsed.data;
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          name: e.OIDC_NAME ?? new URL(e.OIDC_ISSUER).host,
          allowedDomains: e.OIDC_ALLOWED_DOMAINS ?? [],
        }
      : null;
  return { ok: true, settings: { oidc, passwordSignIn: e.PASSWORD_SIGNIN !== "off" } };
}
