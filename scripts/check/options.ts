// Options of the check scripts: each one a flag (`--actions 5000`) or an environment variable
// (`CHECK_ACTIONS=5000`), the flag winning; out-of-range values stop the script with one line and
// the usage (scripts/lib/command-line.mjs), as an unknown flag does.
import { failUsage, readCommandLine, type CliOption } from "../lib/command-line.mjs";

export function readOptions(cli: {
  command: string;
  summary: string;
  /** Each flag's description: its variable and default, e.g. "CHECK_ACTIONS (100000)". */
  flags: Record<string, string>;
}) {
  const options: Record<string, CliOption> = Object.fromEntries(
    Object.entries(cli.flags).map(([name, description]) => [
      name,
      { type: "string", value: "n", description },
    ]),
  );
  const command = { command: cli.command, summary: cli.summary, options };
  const { values } = readCommandLine(command);
  const raw = (flag: string, variable: string) => {
    const given = values[flag] ?? process.env[variable];
    return given === undefined || given === "" ? undefined : String(given);
  };
  const stop = (message: string): never => failUsage(command, message);
  return {
    number(flag: string, variable: string, fallback: number, min: number, max: number) {
      const given = raw(flag, variable);
      const value = given === undefined ? fallback : Number(given);
      if (!Number.isFinite(value) || value < min || value > max) {
        stop(`--${flag} / ${variable} must be from ${min} to ${max}, not ${given}`);
      }
      return value;
    },
    whole(flag: string, variable: string, fallback: number, min: number, max: number) {
      const value = this.number(flag, variable, fallback, min, max);
      if (!Number.isInteger(value)) stop(`--${flag} / ${variable} must be whole`);
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
        stop(`--${flag} takes postgres and/or pglite, not "${engines.join(",")}"`);
      }
      return engines as ("postgres" | "pglite")[];
    },
  };
}
