// Options of the check scripts: each one a flag (`--actions 5000`) or an environment variable
// (`CHECK_ACTIONS=5000`), the flag winning; out-of-range values stop the script.
import { parseArgs } from "node:util";

export function readOptions(flagNames: string[]) {
  const { values } = parseArgs({
    options: Object.fromEntries(flagNames.map((name) => [name, { type: "string" as const }])),
  });
  const raw = (flag: string, variable: string) => {
    const given = values[flag] ?? process.env[variable];
    return given === undefined || given === "" ? undefined : String(given);
  };
  return {
    number(flag: string, variable: string, fallback: number, min: number, max: number) {
      const given = raw(flag, variable);
      const value = given === undefined ? fallback : Number(given);
      if (!Number.isFinite(value) || value < min || value > max) {
        throw new Error(`--${flag} / ${variable} must be from ${min} to ${max}, not ${given}.`);
      }
      return value;
    },
    whole(flag: string, variable: string, fallback: number, min: number, max: number) {
      const value = this.number(flag, variable, fallback, min, max);
      if (!Number.isInteger(value)) throw new Error(`--${flag} / ${variable} must be whole.`);
      return value;
    },
    text(flag: string, variable: string, fallback: string) {
      return raw(flag, variable) ?? fallback;
    },
    /** A list of databases to run on (`postgres,pglite` unless given); anything else stops. */
    engines(flag: string, variable: string): ("postgres" | "pglite")[] {
      const engines = this.text(flag, variable, "postgres,pglite")
        .split(",")
        .map((e) => e.trim());
      if (engines.some((e) => e !== "postgres" && e !== "pglite")) {
        throw new Error(`--${flag} takes postgres and/or pglite, not "${engines.join(",")}".`);
      }
      return engines as ("postgres" | "pglite")[];
    },
  };
}
