import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "./config.mjs";

/** README's "Configuration" section: its `| variable | default | meaning |` tables, row by row. */
function readmeRows(): { name: string; default: string }[] {
  const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const section = readme.split(/^## Configuration$/m)[1].split(/^## /m)[0];
  const rows: { name: string; default: string }[] = [];
  let inVariables = false;
  for (const line of section.split("\n")) {
    if (!line.startsWith("|")) {
      inVariables = false;
      continue;
    }
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells[1] === "variable") inVariables = true;
    const name = /^`([A-Z0-9_]+)`$/.exec(cells[1])?.[1];
    if (inVariables && name) rows.push({ name, default: cells[2] });
  }
  return rows;
}

/** What the README's default column says of a declaration. */
const shown = (v: { default?: string; unset?: string }) =>
  v.default !== undefined ? `\`${v.default}\`` : v.unset ? `unset → ${v.unset}` : "unset";

describe("README's table of environment variables", () => {
  it("lists every declared variable, in order, with its default", () => {
    const declared = Object.entries(VARIABLES).map(([name, v]) => ({ name, default: shown(v) }));
    expect(readmeRows()).toEqual(declared);
  });
});
