// The app's configuration: every environment variable it reads, declared in variables.mjs (and
// the sign-in group in sign-in.mjs) and parsed by zod here, the one module that reads
// process.env (config-env-reads.test.ts keeps it so). Plain JavaScript, types in config.d.mts,
// because scripts/start-server.mjs, which Node runs as is, refuses to start on a bad value before
// Next loads; instrumentation.ts does the same under `next dev`. The app calls config(): this
// process's settings, parsed again only when the environment changed (tests stub variables).
import { z } from "zod";
import { given } from "./blank.mjs";
import { readSignInSettings, SIGN_IN_VARIABLES } from "./sign-in.mjs";
import { VARIABLES as APP_VARIABLES } from "./variables.mjs";

export { readSignInSettings };

/** Every variable: the app's and the sign-in group's, in the README's order. */
export const VARIABLES = { ...APP_VARIABLES, ...SIGN_IN_VARIABLES };
const NAMES = Object.keys(VARIABLES);

const schema = z.object(
  Object.fromEntries(
    Object.entries(APP_VARIABLES).map(([name, v]) => [
      name,
      z.preprocess(
        (value) => given(value, !v.asGiven) ?? v.default,
        v.default === undefined ? v.schema.optional() : v.schema,
      ),
    ]),
  ),
);

/**
 * A problem names the variable, its value (unless secret) and the allowed form.
 * @param {z.core.$ZodIssue} issue
 * @param {Record<string, string | undefined>} env
 */
function problem(issue, env) {
  const name = String(issue.path[0]);
  const v = APP_VARIABLES[name];
  const value = v.secret ? "" : `="${given(env[name], !v.asGiven) ?? v.default}"`;
  return `${name}${value} ${issue.message}.`;
}

/**
 * The settings an environment describes, or every problem with them.
 * @param {Record<string, string | undefined>} env
 */
export function readConfig(env) {
  const parsed = schema.safeParse(env);
  const signIn = readSignInSettings(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => problem(issue, env))),
    ...(signIn.ok ? [] : signIn.problems),
  ];
  if (!parsed.success || !signIn.ok) return { ok: false, problems };
  return { ok: true, config: Object.freeze({ ...parsed.data, signIn: signIn.settings }) };
}

export class ConfigError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(
      `The configuration is not usable (see README, Configuration):\n  ${problems.join("\n  ")}`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** @param {Record<string, string | undefined>} env */
function parse(env) {
  const read = readConfig(env);
  if (!read.ok) throw new ConfigError(read.problems);
  return read.config;
}

/** @type {{ key: string, config: object } | undefined} */
let current;

/**
 * This process's settings (or, given an environment, that one's); a bad value throws a
 * ConfigError naming each variable. Parsed once per distinct environment.
 * @param {Record<string, string | undefined>} [env]
 */
export function config(env) {
  if (env) return parse(env);
  const key = NAMES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (current?.key !== key) current = { key, config: parse(process.env) };
  return current.config;
}

/**
 * What is wrong with an environment's settings (this process's by default), each problem starting
 * with the variable's name; none when it is usable.
 * @param {Record<string, string | undefined>} [env]
 */
export function configProblems(env = process.env) {
  const read = readConfig(env);
  return read.ok ? [] : read.problems;
}

/** Shorter texts are not treated as secrets to remove from logs (they would match everywhere). */
const SHORTEST_SECRET = 6;

const SECRET_NAMES = NAMES.filter((name) => VARIABLES[name].secret);

/**
 * A cheap key of an environment's secret settings as given (raw texts, nothing parsed): what
 * changes whenever `secretSettingValues` of it could.
 * @param {Record<string, string | undefined>} [env]
 */
export function secretSettingsKey(env = process.env) {
  return SECRET_NAMES.map((name) => env[name] ?? "\u0000").join("\u0001");
}

/**
 * The texts of every secret setting of an environment (this process's by default), and the
 * passwords inside those that are URLs: what logs and health answers must not show.
 * @param {Record<string, string | undefined>} [env]
 */
export function secretSettingValues(env = process.env) {
  const values = new Set();
  for (const [name, v] of Object.entries(VARIABLES)) {
    const value = v.secret ? given(env[name], !v.asGiven) : undefined;
    if (!value) continue;
    values.add(value);
    const password = URL.canParse(value) ? new URL(value).password : "";
    if (password) {
      values.add(password);
      values.add(decodeURIComponent(password));
    }
  }
  return [...values].filter((value) => value.length >= SHORTEST_SECRET);
}

/** At a server's start: this process's settings, or every problem printed and the process ended. */
export function configAtStart() {
  const problems = configProblems();
  if (problems.length > 0) {
    console.error(
      ["Not starting: fix these settings (see README, Configuration):", ...problems].join("\n  "),
    );
    process.exit(1);
  }
  return config();
}

/**
 * What keeps `npm start` from starting (a required variable blank, any bad value), and what it
 * only warns about.
 * @param {Record<string, string | undefined>} [env]
 */
export function productionSettings(env = process.env) {
  const blank = (/** @type {string} */ name) => !env[name]?.trim();
  const declared = Object.entries(APP_VARIABLES);
  return {
    missing: [
      ...declared
        .filter(([name, v]) => v.production && blank(name))
        .map(([name, v]) => `${name} is not set: ${v.production}.`),
      ...configProblems(env),
    ],
    warnings: declared
      .filter(([name, v]) => v.productionWarning && blank(name))
      .map(([name, v]) => `${name} is not set: ${v.productionWarning}.`),
  };
}

/**
 * For test files that share a process (vitest's isolate: false): a function that puts this
 * process's environment back as it is now, so no file sees what another one set.
 */
export function environmentRestorer() {
  const saved = { ...process.env };
  return () => {
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) delete process.env[name];
    }
    Object.assign(process.env, saved);
  };
}
