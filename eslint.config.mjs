import { readdirSync } from "node:fs";
import { join } from "node:path";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const ENGINE_INTERNALS = {
  regex: "(^|/)stats/(postgres|clickhouse)/",
  message: "Use lib/stats's public modules, not an engine's internals.",
};
const APP = {
  regex: "^(\\.\\./)+app/|^@/app/",
  message: "lib/ and components/ never import app/.",
};

// A program's rooms: one folder per feature under app/p/[slug]/.
const ROOMS_DIR = "app/p/[slug]";
const ROOMS = readdirSync(join(import.meta.dirname, ROOMS_DIR), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeGlob = (text) => text.replace(/[[\]]/g, "\\$&");
function otherRooms(room) {
  const others = ROOMS.filter((other) => other !== room).map(escapeRegex);
  return {
    regex: `^(\\.\\./)+(${others.join("|")})/|^@/${escapeRegex(ROOMS_DIR)}/`,
    message:
      "A room imports its own files and shared code, never another room's: move what rooms share to components/ or lib/.",
  };
}

function importRules(dirs, patterns, ignores) {
  return [
    {
      files: dirs.map((dir) => `${dir}/**/*.{ts,tsx,mjs}`),
      ignores,
      rules: { "no-restricted-imports": ["error", { patterns }] },
    },
  ];
}

const config = [
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  // The statistics layer's engines are its own business: everyone else asks lib/stats's public
  // modules (get-*.ts, the engine's methods, engines.ts to build one over a source). And lib/
  // and components/ never import app/ (the rooms use the shared code, not the other way).
  ...importRules(["app", "scripts", "e2e"], [ENGINE_INTERNALS], ["scripts/bench/baseline-csv.ts"]),
  ...importRules(["lib", "components"], [ENGINE_INTERNALS, APP], ["lib/stats/**"]),
  ...importRules(["lib/stats"], [APP], []),
  // A room (app/p/[slug]/<room>/) never borrows another room's files: what two rooms use lives in
  // components/ (or lib/). These blocks replace the app/ block above for the rooms' files, so they
  // repeat its pattern.
  ...ROOMS.flatMap((room) =>
    importRules([`${escapeGlob(ROOMS_DIR)}/${room}`], [ENGINE_INTERNALS, otherRooms(room)], []),
  ),
];

export default config;
